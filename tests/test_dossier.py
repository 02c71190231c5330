"""Placement dossiers: real PDFs read back with pypdf, consent, the disclosure log, CLI."""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

import pypdf
import pytest
from sqlalchemy import func, select

from tests.conftest import PASSPHRASE
from tests.worlds import ARABIC, CJK, MARKUP, _candidate
from wir_manager.services import demo
from wir_manager.services.dossier import (
    DossierError,
    disclosures_for_candidate,
    generate_dossier,
    render_dossier,
)
from wir_manager.storage import models as m


def _text(path: Path) -> str:
    reader = pypdf.PdfReader(str(path))
    text = "\n".join(page.extract_text() for page in reader.pages)
    # Ligatures (ﬁ) and Arabic presentation forms come back as compatibility characters.
    return unicodedata.normalize("NFKC", text)


def _fonts_used(path: Path) -> set[str]:
    names = set()
    for page in pypdf.PdfReader(str(path)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def test_dossier_content_consent_and_metadata(shortlisted, tmp_path: Path) -> None:
    db, request_id, people = shortlisted
    out = tmp_path / "dossier.pdf"
    result = generate_dossier(db, request_id, out, recipient="WHO Data Division")
    assert result.source == "saved"
    assert set(result.candidate_ids) == set(people.values()) - {people["refused"]}
    assert [e.candidate_id for e in result.excluded] == [people["refused"]]

    reader = pypdf.PdfReader(str(out))
    assert result.pages == len(reader.pages)
    # cover + summary + one page (at least) per candidate, each starting a new page
    outline = reader.outline
    titles = [item.title for item in outline]
    assert titles[0] == "Summary"
    assert len(titles) == 1 + len(result.candidate_ids)
    starts = [reader.get_destination_page_number(item) for item in outline[1:]]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    assert len(reader.pages) >= 2 + len(result.candidate_ids)

    meta = reader.metadata
    assert meta.title == "Placement dossier: Wikidata resident for health data"
    assert "Test Operator" in meta.author
    assert "World Health Organization" in meta.subject and "WHO Data Division" in meta.subject

    text = _text(out)
    assert "Amara Okafor" in text
    assert MARKUP in text  # printed literally, not interpreted as markup
    assert CJK in text
    assert ARABIC in text or " ".join(reversed(ARABIC.split())) in text
    assert "कृ" in text  # Devanagari extraction drops conjunct parts; shape tests cover it
    assert "Nadia Refused" not in text and "noconsent" not in text.lower()
    # contact details only with consent
    assert "amarao@mail.example" in text
    assert "judys@mail.example" not in text
    assert "+41 22 555 09 09" not in text
    assert "Not shared" in text
    assert f"Page 1 of {len(reader.pages)}" in text
    assert "Confidential — for WHO Data Division" in text
    fonts = " ".join(_fonts_used(out))
    for family in ("DejaVuSans", "NotoNaskhArabic", "NotoSansDevanagari", "NotoSansCJK"):
        assert family in fonts


def test_disclosure_log_records_file_hash_and_people(shortlisted, tmp_path: Path) -> None:
    db, request_id, people = shortlisted
    out = tmp_path / "d.pdf"
    result = generate_dossier(db, request_id, out)
    assert result.recipient == "WHO"  # default: the organisation's acronym
    assert result.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    with db.engine.connect() as conn:
        row = conn.execute(select(m.Disclosure)).one()
        named = conn.execute(
            select(m.DisclosureCandidate.candidate_id, m.DisclosureCandidate.placeholder)
        ).all()
        audits = conn.execute(
            select(func.count()).where(m.AuditEntry.action == "disclose")
        ).scalar_one()
    assert row.file_sha256 == result.sha256 and row.recipient == "WHO"
    assert row.request_id == request_id and row.created_by == "Test Operator"
    assert row.contact_details_included is True
    assert {cid for cid, _ in named} == set(result.candidate_ids)
    assert all(ph == f"candidate-{cid}" for cid, ph in named)
    assert audits == 1

    history = disclosures_for_candidate(db, people["latin"])
    assert len(history) == 1
    assert history[0].recipient == "WHO" and history[0].candidate_count == 5
    assert history[0].organisation == "World Health Organization"
    assert disclosures_for_candidate(db, people["refused"]) == []


def test_nobody_with_consent_gives_clear_error_and_no_file(db, tmp_path: Path) -> None:
    ids = demo.ensure_reference_data(db)
    with db.session() as s:
        req = m.PlacementRequest(organisation_id=ids["org:UNEP"], title="Climate data")
        s.add(req)
        s.flush()
        cid = _candidate(s, "Only Refused", "Refuser", propose=False)
        s.add(
            m.ShortlistEntry(request_id=req.id, candidate_id=cid, rank=1, score=50, score_parts={})
        )
        rid = req.id
    out = tmp_path / "none.pdf"
    with pytest.raises(DossierError, match="consent"):
        generate_dossier(db, rid, out)
    assert not out.exists()
    with db.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(m.Disclosure)).scalar_one() == 0


def test_unknown_request_is_one_sentence(db, tmp_path: Path) -> None:
    with pytest.raises(DossierError, match="no placement request 999"):
        generate_dossier(db, 999, tmp_path / "x.pdf")


def test_ranking_fallback_without_saved_shortlist(demo_db, tmp_path: Path) -> None:
    pytest.importorskip("wir_manager.services.matching")
    from wir_manager.services.matching import rank

    for request_id in range(1, 13):
        if rank(demo_db, request_id, top=5).ranked:
            break
    else:
        pytest.skip("no request with eligible candidates in the demo data")
    data, pages, _ = render_dossier(demo_db, request_id)
    assert data.startswith(b"%PDF") and pages >= 3
    result = generate_dossier(demo_db, request_id, tmp_path / "r.pdf")
    assert result.source == "ranking" and 1 <= len(result.candidate_ids) <= 5
    with demo_db.engine.connect() as conn:
        consent = dict(
            conn.execute(
                select(m.Candidate.id, m.Candidate.consent_propose).where(
                    m.Candidate.id.in_(result.candidate_ids)
                )
            ).all()
        )
    assert all(consent.values())


def test_branding_name_and_broken_logo(shortlisted, tmp_path: Path) -> None:
    db, request_id, _people = shortlisted
    db.set_setting("branding_name", "Wikimedia & Partners <Residency>")
    bad_logo = tmp_path / "logo.png"
    bad_logo.write_bytes(b"not an image")
    db.set_setting("branding_logo", str(bad_logo))
    out = tmp_path / "b.pdf"
    generate_dossier(db, request_id, out)
    assert "Wikimedia & Partners <Residency>" in _text(out)


def test_cli_dossier_reports_left_out_candidates(
    shortlisted, tmp_path, db_path, monkeypatch, capsys
) -> None:
    from wir_manager.cli.main import main
    from wir_manager.services.candidates import get_candidate

    db, request_id, people = shortlisted
    refused_name = get_candidate(db, people["refused"]).data.full_name
    db.close()
    monkeypatch.setenv("WIR_MANAGER_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "cli.pdf"
    code = main(
        ["--db", str(db_path), "dossier", str(request_id), "-o", str(out), "--recipient", "Liaison"]
    )
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert out.exists()
    assert "5 candidates from the saved shortlist" in captured.out
    assert (
        f"Left out {refused_name} (candidate {people['refused']}): has not consented"
        in captured.out
    )  # named, with the number other commands take
    assert "disclosure log" in captured.out
    assert main(["--db", str(db_path), "dossier", "12345", "-o", str(out)]) == 1
    assert "no placement request 12345" in capsys.readouterr().err
    assert main(["--db", str(db_path), "dossier", str(request_id), "-o", "x.txt"]) == 1
    capsys.readouterr()
    assert main(["--db", str(db_path), "disclosures", str(people["latin"])]) == 0
    listing = capsys.readouterr().out
    assert "Liaison" in listing and "1: Wikidata resident for health data" in listing
    assert main(["--db", str(db_path), "disclosures", str(people["refused"])]) == 0
    assert "No dossier has named" in capsys.readouterr().out


def test_valid_logo_is_drawn_on_the_cover(shortlisted, tmp_path: Path) -> None:
    from wir_manager.storage.paths import resources_dir

    db, request_id, _people = shortlisted
    logo = resources_dir() / "screenshots" / "dossier-page.png"
    db.set_setting("branding_logo", str(logo))
    out = tmp_path / "logo.pdf"
    generate_dossier(db, request_id, out)
    cover = pypdf.PdfReader(str(out)).pages[0]
    assert any(
        x.get_object()["/Subtype"] == "/Image"
        for x in cover["/Resources"].get("/XObject", {}).values()
    )


def test_the_dossier_reads_the_saved_shortlist_in_its_order(shortlisted) -> None:
    """The saved shortlist is read one way (``matching.saved_shortlist``), in rank order,
    with the score parts' labels."""
    db, request_id, people = shortlisted
    _data, pages, dossier = render_dossier(db, request_id)
    assert dossier.source == "saved" and pages >= 7
    assert [s.candidate_id for s in dossier.sections] == [
        people[k] for k in ("latin", "arabic", "devanagari", "cjk", "markup")
    ]
    assert dossier.part_labels["language"] == "Language fit"


def test_every_font_in_the_dossier_is_embedded(shortlisted, tmp_path: Path) -> None:
    """pdffonts lists each font with "emb"; the canvas's initial font and the tables' cell
    font were Helvetica, referenced unembedded although no text used it."""
    import shutil
    import subprocess

    db, request_id, _people = shortlisted
    out = tmp_path / "fonts.pdf"
    generate_dossier(db, request_id, out, recipient="WHO Data Division")
    assert "Helvetica" not in _fonts_used(out)
    if shutil.which("pdffonts"):
        listing = subprocess.run(
            ["pdffonts", str(out)], capture_output=True, text=True, check=True
        ).stdout.splitlines()[2:]
        assert listing and all(line.split()[-5] == "yes" for line in listing), listing


def _page_texts(data: bytes) -> list[str]:
    import io

    reader = pypdf.PdfReader(io.BytesIO(data))
    return [unicodedata.normalize("NFKC", page.extract_text()) for page in reader.pages]


@pytest.mark.parametrize("code", ["en", "sv"])
def test_summary_a_liaison_can_read(shortlisted, code: str) -> None:
    """Issue #16.7: ranks on what is sent run 1..N although #1 declined; skill levels are
    words ("Wikidata advanced", not "Wikidata 3"); a name in another script has its
    Latin-script form and the username beside it."""
    import re

    from wir_manager.i18n import using_language

    db, request_id, people = shortlisted
    with db.session(write=True) as s:
        s.execute(
            m.ShortlistEntry.__table__.update()
            .where(m.ShortlistEntry.candidate_id == people["latin"])
            .values(status="declined")
        )
        s.get(m.Candidate, people["arabic"]).latin_name = "Judy Al Saud"
    with using_language(code):
        data, _pages, dossier = render_dossier(db, request_id)
    assert [s.rank for s in dossier.sections] == [1, 2, 3, 4]
    assert dossier.sections[0].candidate_id == people["arabic"]
    texts = _page_texts(data)
    summary = texts[1]
    advanced = {"en": "advanced", "sv": "avancerad"}[code]
    assert f"Wikidata {advanced}" in summary
    assert re.search(r"Wikidata \d", summary) is None
    user = {"en": "User:", "sv": "Användare:"}[code]
    assert f"Judy Al Saud · {user}JudyS" in summary
    assert f"{user}Krishna" in summary and f"{user}ZhouYan" in summary
    assert "Amara Okafor" not in summary  # declined: not sent
    rows = [line.strip() for line in summary.splitlines() if line.strip().isdigit()]
    assert rows == ["1", "2", "3", "4"], summary
    for number, page in enumerate(texts[2:6], start=1):  # one page per candidate here
        assert f"{number}. " in page


def _demo_shortlist_with_first_declined(db) -> int:
    from wir_manager.services.matching import save_shortlist, set_status

    for request_id in range(1, 13):
        rows = save_shortlist(db, request_id, 4)
        proposed = [r for r in rows if r.status == "proposed"]
        if len(rows) >= 3 and proposed and proposed[0].rank == 1:
            set_status(db, request_id, rows[0].candidate_id, "declined", reason="profile")
            return request_id
    pytest.skip("no demo request with three eligible people")


def test_parts_and_weights_agree_on_the_page(demo_db) -> None:
    """Issue #16.7: 'Language fit 32.0' beside a slider weight of 30 read as an error.
    Each part's row shows its weight and the most points it can give (its weight's
    share of 100 among the parts the request uses), and the page says so in words."""
    request_id = _demo_shortlist_with_first_declined(demo_db)
    data, _pages, dossier = render_dossier(demo_db, request_id)
    most = dossier.most_points()
    assert most and sum(most.values()) == pytest.approx(100.0)
    assert dossier.weights["language"] == 30.0  # the default profile's slider weight
    for sec in dossier.sections:
        assert sum(sec.parts.values()) == pytest.approx(sec.score, abs=0.02)
        for part, points in sec.parts.items():
            assert points <= most.get(part, 0.0) + 0.01, (part, points, most)
    texts = _page_texts(data)
    page = texts[2]
    assert "Weight" in page and "Most points" in page
    assert "The weights are relative" in page
    total = f"{dossier.weight_total:.0f}"
    assert f"weights add up to {total}" in " ".join(page.split())
    language_row = f"Language fit 30 {most['language']:.1f}"
    assert language_row in " ".join(page.split()), page


def test_no_near_empty_page_for_the_last_table_rows(demo_db, tmp_path: Path) -> None:
    """Issue #16.7: a candidate whose page overflowed by two training rows got a page of
    its own for them. A candidate that overflows by a little is set on one page (text at
    least 85 %); every page after the summary is well filled. Rendered and looked at
    with pdftoppm."""
    request_id = _demo_shortlist_with_first_declined(demo_db)
    out = tmp_path / "fit.pdf"
    result = generate_dossier(demo_db, request_id, out, recipient="FAO")
    reader = pypdf.PdfReader(str(out))
    starts = [reader.get_destination_page_number(item) for item in reader.outline[1:]]
    assert len(starts) == len(result.candidate_ids)
    texts = [page.extract_text() for page in reader.pages]
    for number, text in enumerate(texts[2:], start=3):
        body = [line for line in text.splitlines() if line.strip()]
        assert len(body) > 15, (number, body)


@pytest.mark.parametrize("code", ["en", "sv"])
def test_the_cover_says_what_the_placement_asks_for(shortlisted, code: str) -> None:
    """The liaison sees what the candidates were matched against, in words: required
    before preferred, an "at least one of" group as alternatives, skill levels and
    topics named, in the dossier's language."""
    from wir_manager.domain.enums import Importance, Platform, Topic
    from wir_manager.i18n import using_language

    db, request_id, _people = shortlisted
    with db.session(write=True) as s:
        s.add_all(
            [
                m.RequestLanguage(
                    request_id=request_id, code="en", min_level=5, importance=Importance.REQUIRED
                ),
                m.RequestLanguage(
                    request_id=request_id,
                    code="fr",
                    min_level=4,
                    importance=Importance.PREFERRED,
                    any_group=1,
                ),
                m.RequestLanguage(
                    request_id=request_id,
                    code="ar",
                    min_level=7,
                    importance=Importance.PREFERRED,
                    any_group=1,
                ),
                m.RequestSkill(
                    request_id=request_id,
                    platform=Platform.WIKIDATA,
                    min_level=2,
                    importance=Importance.REQUIRED,
                ),
                m.RequestTopic(request_id=request_id, topic=Topic.HEALTH),
            ]
        )
    with using_language(code):
        data, _pages, _dossier = render_dossier(db, request_id)
    cover = " ".join(_page_texts(data)[0].split())
    expected = {
        "en": [
            "What the placement asks for",
            "Required English C1 or better; Wikidata intermediate or better",
            "Preferred French B2 or better or Arabic, native",
            "Topics Health",
        ],
        "sv": [
            "Vad placeringen kräver",
            "Krav Engelska C1 eller bättre; Wikidata medel eller bättre",
            "Önskvärd Franska B2 eller bättre eller Arabiska, modersmål",
            "Ämnesområden Hälsa",
        ],
    }[code]
    for text in expected:
        assert text in cover, (text, cover)
    assert cover.index(expected[1]) < cover.index(expected[2]) < cover.index(expected[3])


def test_alternatives_at_one_level_share_it() -> None:
    from wir_manager.services.dossier.content import _language_ask
    from wir_manager.services.requests.records import LanguageRequirement

    same = [LanguageRequirement("fr", 4, group=1), LanguageRequirement("es", 4, group=1)]
    assert _language_ask(same) == "French or Spanish B2 or better"
    mixed = [*same, LanguageRequirement("ar", 7, group=1)]
    assert _language_ask(mixed) == "French or Spanish B2 or better or Arabic, native"
