"""The dossier's layout shortcuts change nothing on the page.

Each word is shaped once per build (``wordcache.shaped_words``), each paragraph breaks
its lines once per width (``layout.WrappedOnce``), the header and footer are made once,
and the cycle collector is paused during a build. With reportlab's invariant mode (fixed
dates and IDs) the PDF must be the same, byte for byte, as reportlab makes it without
any of them.
"""

from __future__ import annotations

import contextlib
import gc

import pytest
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from sqlalchemy import update

from tests.worlds import ARABIC, CJK, DEVANAGARI
from wir_manager.services.dossier import layout, render_dossier
from wir_manager.services.dossier.fonts import BASE, register_fonts
from wir_manager.services.dossier.wordcache import shaped_words
from wir_manager.storage import models as m

#: A description long enough to run over two pages: the frame splits it, and the part
#: that moves on is wrapped again at the same width.
LONG = " ".join(
    [
        f"Office staff in {ARABIC} and {DEVANAGARI} read the affiliated fiﬂe data, "
        f"{CJK}{CJK}, https://www.wikidata.org/wiki/Special:EntityPage/Q{n}{'x' * 30}."
        for n in range(100)
    ]
)


def _plain(monkeypatch: pytest.MonkeyPatch) -> None:
    """reportlab's own layout: no word cache, a wrap every time, header and footer made
    for each page, the collector on."""
    page_texts = layout.DossierLayout._page_texts

    def made_again(self: layout.DossierLayout) -> object:
        self._on_every_page = None
        return page_texts(self)

    monkeypatch.setattr(layout.DossierLayout, "_page_texts", made_again)
    monkeypatch.setattr(layout, "shaped_words", contextlib.nullcontext)
    monkeypatch.setattr(layout, "_collector_paused", contextlib.nullcontext)
    monkeypatch.setattr(layout.WrappedOnce, "wrap", Paragraph.wrap)


def test_the_pdf_is_byte_for_byte_what_reportlab_makes_without_the_shortcuts(
    shortlisted, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, request_id, people = shortlisted
    with db.connection(write=True) as conn:
        conn.execute(
            update(m.PlacementRequest)
            .where(m.PlacementRequest.id == request_id)
            .values(description=LONG)
        )
        # A long right-to-left name with a word wider than its cell (ScriptParagraph).
        conn.execute(
            update(m.Candidate)
            .where(m.Candidate.id == people["arabic"])
            .values(full_name=f"{ARABIC} {'ع' * 60} {ARABIC}")
        )
    monkeypatch.setattr(rl_config, "invariant", 1)
    fast = render_dossier(db, request_id, recipient="WHO Data Division")
    again = render_dossier(db, request_id, recipient="WHO Data Division")
    assert fast.data == again.data  # invariant mode holds: the comparison means something
    with monkeypatch.context() as patch:
        _plain(patch)
        plain = render_dossier(db, request_id, recipient="WHO Data Division")
    assert fast.pages == plain.pages and fast.pages > 2 + len(fast.content.sections)
    assert fast.data == plain.data


def test_a_cached_word_keeps_the_style_of_the_paragraph_it_is_in() -> None:
    """The same word in the same font and size, in two colours: shaped once, each
    paragraph's lines carry its own colour."""
    register_fonts()
    red = ParagraphStyle("red", fontName=BASE.regular, fontSize=9, shaping=1, textColor=colors.red)
    blue = ParagraphStyle("blue", parent=red, textColor=colors.blue)
    with shaped_words():
        first = layout.WrappedOnce("Office office", red)
        second = layout.WrappedOnce("Office office", blue)
        first.wrap(200, 100)
        second.wrap(200, 100)
    for para, colour in ((first, colors.red), (second, colors.blue)):
        words = para.blPara.lines[0].words
        assert [w.text for w in words if w.text.strip()]
        assert {w.textColor for w in words} == {colour}
    assert first.blPara.lines[0].words[0].text == second.blPara.lines[0].words[0].text


def test_a_paragraph_that_dropped_its_lines_wraps_again() -> None:
    register_fonts()
    style = ParagraphStyle("s", fontName=BASE.regular, fontSize=9, leading=11, shaping=1)
    para = layout.WrappedOnce("word " * 80, style)
    size = para.wrap(150, 500)
    assert para.wrap(150, 500) == size
    assert para.split(150, 5) == []  # no room for two lines: reportlab drops them
    assert not hasattr(para, "blPara")
    assert para.wrap(150, 500) == size and para.blPara.lines
    narrower = para.wrap(100, 500)
    assert narrower[1] > size[1]


def test_the_collector_is_on_again_after_a_build_and_stays_off_when_it_was(
    shortlisted, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, request_id, _people = shortlisted
    assert gc.isenabled()
    render_dossier(db, request_id)
    assert gc.isenabled()

    def broken(self, progress=None):  # type: ignore[no-untyped-def]
        assert not gc.isenabled()
        raise RuntimeError("layout failed")

    with monkeypatch.context() as patch:
        patch.setattr(layout.DossierLayout, "story", broken)
        with pytest.raises(RuntimeError):
            render_dossier(db, request_id)
    assert gc.isenabled()
    gc.disable()
    try:
        render_dossier(db, request_id)
        assert not gc.isenabled()
    finally:
        gc.enable()
