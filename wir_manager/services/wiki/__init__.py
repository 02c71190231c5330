"""The programme's one connection to the wikis (the MediaWiki Action API).

The app never needs the network to work. When somebody asks, :mod:`.client` fetches
public on-wiki data (the only module that talks to the network; import-linter keeps it
so), :mod:`.accounts` reads the answers into typed records, :mod:`.verify` stores a
dated snapshot per candidate and :mod:`.impact` sums a resident's contributions during a
placement.
"""
