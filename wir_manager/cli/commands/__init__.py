"""One module per group of subcommands; each exposes ``register(subparsers)``.

Every registered parser sets ``func`` to a callable ``(ctx, args) -> int``.
"""
