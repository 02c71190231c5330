"""Privacy commands: erase, subject-export, retention, audit."""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable

from wir_manager.cli.context import CliContext, UserError, file_argument, print_json, print_table
from wir_manager.i18n import _, ngettext
from wir_manager.services import audit_log, privacy, retention, subject_export
from wir_manager.services.localefmt import format_number


def _plain_errors(fn: Callable[[CliContext, argparse.Namespace], int]):
    """Validation problems from the services (``ValueError``) are the user's to fix:
    show their sentence, exit 1, no crash log."""

    @functools.wraps(fn)
    def wrapper(ctx: CliContext, args: argparse.Namespace) -> int:
        try:
            return fn(ctx, args)
        except ValueError as exc:
            raise UserError(str(exc)) from None

    return wrapper


def _id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a candidate id (a whole number)"
        ) from None
    if value < 1 or value > 2**62:
        raise argparse.ArgumentTypeError(f"{text!r} is not a candidate id")
    return value


def _months(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of months") from None
    if not 1 <= value <= 1200:
        raise argparse.ArgumentTypeError("use a number of months from 1 to 1200")
    return value


def _limit(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= 1_000_000:
        raise argparse.ArgumentTypeError("use a number from 1 to 1,000,000")
    return value


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "erase",
        help="erase a candidate and everything about them (right to erasure)",
        description="Remove the candidate with their languages, skills, training, shortlist "
        "entries, placements and notes; the audit and disclosure logs keep only an anonymous "
        "placeholder. The database is compacted afterwards so the data cannot be recovered. "
        "This cannot be undone (backups made earlier still hold the person).",
    )
    p.add_argument("candidate_id", type=_id, metavar="CANDIDATE_ID")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=cmd_erase)

    p = sub.add_parser(
        "subject-export",
        help="export everything held about one candidate (subject access request)",
        description="Write everything held about one candidate to FILE: a PDF when FILE ends "
        "in .pdf, otherwise an xlsx workbook. The file holds personal data in clear.",
    )
    p.add_argument("candidate_id", type=_id, metavar="CANDIDATE_ID")
    p.add_argument("-o", "--output", required=True, type=file_argument, metavar="FILE")
    p.set_defaults(func=cmd_subject_export)

    p = sub.add_parser(
        "retention",
        help="candidates whose consent is old or who were inactive too long",
        description="List candidates whose consent to be kept is older than the consent "
        "period, missing, or who have not changed for the inactivity period. Optionally ask "
        "them again (records today's date) or erase them all.",
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument(
        "--consent-months",
        type=_months,
        metavar="N",
        help="consent period (default: the database setting, else 24)",
    )
    p.add_argument(
        "--inactive-months",
        type=_months,
        metavar="N",
        help="inactivity period (default: the database setting, else 18)",
    )
    p.add_argument(
        "--ask-again",
        action="store_true",
        help="record that consent renewal was requested today for everyone listed",
    )
    p.add_argument("--erase", action="store_true", help="erase everyone listed")
    p.add_argument("--yes", action="store_true", help="confirm --erase without asking")
    p.set_defaults(func=cmd_retention)

    p = sub.add_parser(
        "audit",
        help="the audit log: who changed which record and which fields, and when",
        description="Show the audit log, newest first. It never holds the values.",
    )
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--candidate", type=_id, metavar="ID", help="only entries about this candidate")
    p.add_argument(
        "--entity", metavar="KIND", help="only this kind of record (candidate, request…)"
    )
    p.add_argument("--operator", metavar="NAME", help="only changes by this operator")
    p.add_argument(
        "--limit", type=_limit, default=200, metavar="N", help="at most N entries (default 200)"
    )
    p.set_defaults(func=cmd_audit)


def _confirm(prompt: str, expected: str) -> bool:
    if not sys.stdin.isatty():
        return False
    try:
        return input(prompt).strip() == expected
    except EOFError:
        return False


@_plain_errors
def cmd_erase(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open() as db:
        username = privacy.username_of(db, args.candidate_id)
        if not args.yes:
            if not sys.stdin.isatty():
                raise UserError(_("Erasing cannot be undone; add --yes to confirm."))
            if not _confirm(_("Type the candidate's username to erase them for good: "), username):
                raise UserError(_("The username did not match; nothing was erased."))
        result = privacy.erase_candidate(db, args.candidate_id)
    print(
        _("Candidate {id} was erased ({n} related rows removed).").format(
            id=args.candidate_id,
            n=sum(v for k, v in result.removed.items() if k != "candidates"),
        )
    )
    if result.compaction_pending:
        print(privacy.pending_compaction_message(), file=sys.stderr)
    elif not result.compacted:
        print(
            _(
                "Another program was reading the database; old copies are removed at its "
                "next checkpoint."
            ),
            file=sys.stderr,
        )
    return 0


@_plain_errors
def cmd_subject_export(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open() as db:
        try:
            out = subject_export.export_subject(db, args.candidate_id, args.output)
        except ValueError as exc:
            raise UserError(str(exc)) from None
    print(
        _("Wrote {path}. It contains personal data in clear; handle it with care.").format(path=out)
    )
    return 0


@_plain_errors
def cmd_retention(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.erase and args.ask_again:
        raise UserError(_("Choose either --ask-again or --erase, not both."))
    with ctx.open() as db:
        rep = retention.report(
            db, consent_months=args.consent_months, inactive_months=args.inactive_months
        )
        if args.erase and rep.items:
            if not args.yes:
                raise UserError(
                    ngettext(
                        "Erasing {n} candidate cannot be undone; add --yes to confirm.",
                        "Erasing {n} candidates cannot be undone; add --yes to confirm.",
                        len(rep.items),
                    ).format(n=format_number(len(rep.items)))
                )
            result = retention.erase(db, rep.ids)
            erased = result.removed.get("candidates", 0)
            print(
                ngettext("Erased {n} candidate.", "Erased {n} candidates.", erased).format(
                    n=format_number(erased)
                ),
                file=sys.stderr,
            )
        elif args.ask_again and rep.items:
            n = retention.ask_again(db, rep.ids)
            print(
                ngettext(
                    "Recorded a consent renewal request for {n} candidate.",
                    "Recorded a consent renewal request for {n} candidates.",
                    n,
                ).format(n=format_number(n)),
                file=sys.stderr,
            )
            rep = retention.report(
                db, consent_months=args.consent_months, inactive_months=args.inactive_months
            )
    if args.json:
        print_json([] if args.erase else [item.to_json() for item in rep.items])
        return 0
    if args.erase:
        return 0
    if not rep.items:
        print(
            _("Nobody is due: consent within {c} months and activity within {i} months.").format(
                c=rep.consent_months, i=rep.inactive_months
            )
        )
        return 0
    print_table(
        (
            _("id"),
            _("username"),
            _("name"),
            _("consent given"),
            _("last change"),
            _("asked again"),
            _("why"),
        ),
        (
            (
                i.id,
                i.username,
                i.name,
                i.consent_at or "—",
                i.last_change.date(),
                i.consent_requested_at or "",
                ", ".join(i.reasons),
            )
            for i in rep.items
        ),
    )
    return 0


@_plain_errors
def cmd_audit(ctx: CliContext, args: argparse.Namespace) -> int:
    entity = args.entity
    if args.candidate is not None:
        entity = "candidate"
    with ctx.open() as db:
        rows = audit_log.list_audit(
            db, entity=entity, entity_id=args.candidate, operator=args.operator, limit=args.limit
        )
    if args.json:
        print_json([r.to_json() for r in rows])
        return 0
    print_table(
        (_("when"), _("who"), _("action"), _("record"), _("fields")),
        (
            (
                r.at.strftime("%Y-%m-%d %H:%M:%S"),
                r.operator,
                r.action,
                f"{r.entity} {r.entity_id}" if r.entity_id is not None else r.entity,
                ", ".join(r.fields),
            )
            for r in rows
        ),
    )
    return 0
