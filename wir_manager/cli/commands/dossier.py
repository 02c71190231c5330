"""``wir-manager dossier REQUEST_ID -o FILE.pdf`` and ``wir-manager disclosures CANDIDATE_ID``."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path

from wir_manager.cli.context import CliContext, UserError, print_json, print_table
from wir_manager.i18n import _, ngettext
from wir_manager.services.candidates import load_data
from wir_manager.services.dossier import DossierError, disclosures_for_candidate, generate_dossier
from wir_manager.services.progress import Progress


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "dossier",
        help="write the PDF placement dossier for a request",
        description="Write the PDF dossier for a placement request: its saved shortlist, "
        "or the current top five of the ranking when none was saved. Candidates without "
        "consent to be proposed are always left out; contact details appear only with "
        "consent. Each dossier is recorded in the disclosure log.",
    )
    p.add_argument("request_id", type=int, metavar="REQUEST_ID")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.pdf")
    p.add_argument(
        "--recipient",
        metavar="NAME",
        help="who receives it (default: the requesting organisation); printed on every page",
    )
    p.set_defaults(func=cmd_dossier)

    p = sub.add_parser(
        "disclosures",
        help="list the dossiers that named a candidate",
        description="Every dossier that named the candidate: when, to whom, for which "
        "request, with or without contact details, and the file's SHA-256.",
    )
    p.add_argument("candidate_id", type=int, metavar="CANDIDATE_ID")
    p.add_argument("--json", action="store_true", help="a JSON list of objects")
    p.set_defaults(func=cmd_disclosures)


def cmd_dossier(ctx: CliContext, args: argparse.Namespace) -> int:
    out: Path = args.output
    if out.suffix.lower() != ".pdf":
        raise UserError(_("The output file name must end in .pdf."))

    def show(done: int, total: int, message: str) -> None:
        if sys.stderr.isatty():
            sys.stderr.write(f"\r{message} ({done}/{total})\033[K")

    with ctx.open() as db:
        try:
            result = generate_dossier(
                db, args.request_id, out, recipient=args.recipient, progress=Progress(show)
            )
        except DossierError as exc:
            raise UserError(str(exc)) from None
        left_out = [e.candidate_id for e in result.excluded]
        names = load_data(db, left_out) if left_out else {}
    if sys.stderr.isatty():
        sys.stderr.write("\r\033[K")
    source = (
        _("the saved shortlist")
        if result.source == "saved"
        else _("the current top of the ranking")
    )
    print(
        ngettext(
            "Wrote {path}: {n} candidate from {source}, {pages} pages, for {recipient}.",
            "Wrote {path}: {n} candidates from {source}, {pages} pages, for {recipient}.",
            len(result.candidate_ids),
        ).format(
            path=result.path,
            n=len(result.candidate_ids),
            source=source,
            pages=result.pages,
            recipient=result.recipient,
        )
    )
    for exclusion in result.excluded:
        data = names.get(exclusion.candidate_id)
        if data is not None and data.full_name:
            line = _("Left out {name} (candidate {id}): {reason}.").format(
                name=data.full_name, id=exclusion.candidate_id, reason=exclusion.reason
            )
        else:
            line = _("Left out candidate {id}: {reason}.").format(
                id=exclusion.candidate_id, reason=exclusion.reason
            )
        print(line)
    print(
        _("Recorded in the disclosure log (entry {id}, SHA-256 {sha}).").format(
            id=result.disclosure_id, sha=result.sha256[:16] + "…"
        )
    )
    return 0


def cmd_disclosures(ctx: CliContext, args: argparse.Namespace) -> int:
    with ctx.open() as db:
        rows = disclosures_for_candidate(db, args.candidate_id)
    if args.json:
        print_json([asdict(r) for r in rows])
        return 0
    if not rows:
        print(_("No dossier has named candidate {id}.").format(id=args.candidate_id))
        return 0
    print_table(
        (_("Date"), _("Recipient"), _("Request"), _("People"), _("Contact"), _("SHA-256")),
        (
            (
                r.created_at.strftime("%Y-%m-%d %H:%M"),
                r.recipient,
                f"{r.request_id}: {r.request_title}" if r.request_id else "—",
                r.candidate_count,
                _("yes") if r.contact_details_included else _("no"),
                r.file_sha256[:16] + "…",
            )
            for r in rows
        ),
    )
    return 0
