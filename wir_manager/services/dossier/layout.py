"""Turn :class:`DossierContent` into PDF bytes with reportlab's platypus.

Layout: a cover (request, organisation, duty station, dates, who prepared it, a
confidentiality notice naming the recipient), a summary table, then one section per
candidate on a new page. Every page has a header with the programme's name and the
recipient, and a footer with "page X of Y" (drawn after the last page is known). The
PDF carries title/author/subject metadata and one outline entry per candidate.

All user text goes through :func:`shaping.markup` (escaping, font fallback, RTL word
order); no string from the database is ever pasted into markup directly.
"""

from __future__ import annotations

import datetime as dt
import gc
import io
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    KeepInFrame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import _listWrapOn

from wir_manager.domain.codes import language_name
from wir_manager.domain.enums import LanguageLevel, Platform, SkillLevel, TrainingStatus
from wir_manager.i18n import _
from wir_manager.services.dossier.content import CandidateSection, DossierContent, day
from wir_manager.services.dossier.fonts import BASE, register_fonts
from wir_manager.services.dossier.shaping import (
    base_is_rtl,
    break_lines,
    clean,
    has_long_word,
    has_rtl,
    markup,
    needs_shaping,
)
from wir_manager.services.dossier.wordcache import shaped_words
from wir_manager.services.safe_text import escape_markup

#: Text longer than this is laid out without HarfBuzz when no character needs it.
SHAPE_LIMIT = 2000
ACCENT = colors.HexColor("#1f4e79")
MUTED = colors.HexColor("#5f6b7a")
RULE = colors.HexColor("#c9d3de")
ZEBRA = colors.HexColor("#f2f5f9")
PAGE_W, PAGE_H = A4
MARGIN = 18 * mm


@dataclass(frozen=True)
class LayoutOptions:
    recipient: str
    prepared_by: str
    branding_name: str
    logo_path: Path | None
    generated_on: dt.date


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "body", fontName=BASE.regular, fontSize=9.5, leading=13, shaping=1, alignment=TA_LEFT
    )

    def derive(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "body": base,
        "small": derive("small", fontSize=8, leading=10.5, textColor=MUTED),
        "cell": derive("cell", fontSize=8.5, leading=11),
        "cellhead": derive("cellhead", fontName=BASE.bold, fontSize=8.5, leading=11),
        "label": derive("label", fontName=BASE.bold, fontSize=8.5, leading=11, textColor=MUTED),
        "h1": derive("h1", fontName=BASE.bold, fontSize=20, leading=25, textColor=ACCENT),
        "h2": derive(
            "h2", fontName=BASE.bold, fontSize=14, leading=18, textColor=ACCENT, spaceAfter=4
        ),
        "h3": derive(
            "h3",
            fontName=BASE.bold,
            fontSize=10.5,
            leading=14,
            spaceBefore=8,
            spaceAfter=3,
            textColor=ACCENT,
        ),
        "kicker": derive("kicker", fontSize=11, leading=15, textColor=MUTED),
        "notice": derive(
            "notice",
            fontSize=8.5,
            leading=12,
            borderColor=RULE,
            borderWidth=0.6,
            borderPadding=6,
            backColor=ZEBRA,
        ),
    }


class WrappedOnce(Paragraph):
    """A Paragraph that breaks its lines once per width.

    reportlab wraps a paragraph again every time it is asked its size, and a dossier
    asks two or three times at the same width: a candidate's pages are measured to see
    whether they fit on one, a table measures its cells when it is placed and again when
    it draws them. The lines depend only on the width (the height is not used), so a
    wrap at the width of the last one returns its result. A split that throws the lines
    away (``del self.blPara``) is followed by a real wrap, as before.
    """

    _wrapped: tuple[float, tuple[float, float], Any] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        last = self._wrapped
        if last is not None and last[0] == availWidth and self.__dict__.get("blPara") is last[2]:
            self.width, self.height = last[1]
            return last[1]
        size = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size, self.__dict__.get("blPara"))
        return size


class ScriptParagraph(Flowable):
    """User text with right-to-left stretches, or words too long for their line.

    Lines are broken in logical order at the width the frame or table cell offers, then
    each line's words are put in visual order, so a long Arabic name or description
    reads correctly line after line. A paragraph whose first letter is right-to-left is
    right-aligned when it wraps. A word wider than the line is cut to fit
    (:func:`shaping.break_lines`): no text, however long, makes a page fail to lay out.
    """

    def __init__(self, text: str, style: ParagraphStyle, *, bold: bool = False) -> None:
        super().__init__()
        self.text, self.style, self.bold = text, style, bold
        self._para: WrappedOnce | None = None
        self._built_for: float | None = None

    def _build(self, width: float) -> WrappedOnce:
        if self._para is not None and self._built_for == width:
            return self._para  # tables ask for the same width several times
        lines = break_lines(self.text, width, self.style.fontSize, bold=self.bold)
        style = self.style
        if len(lines) > 1 and base_is_rtl(self.text):
            style = ParagraphStyle(f"{style.name}-rtl", parent=style, alignment=TA_RIGHT)
        if len(self.text) > SHAPE_LIMIT and not needs_shaping(self.text):
            # HarfBuzz costs ~0.2 ms a word; a long note in a script that needs no
            # shaping (Latin, Cyrillic, Greek, CJK …) is laid out 20 times faster without.
            style = ParagraphStyle(f"{style.name}-plain", parent=style, shaping=0)
        self._para = WrappedOnce(markup("\n".join(lines), bold=self.bold), style)
        self._built_for = width
        return self._para

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._para = self._build(avail_width)
        return self._para.wrap(avail_width, avail_height)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        para = self._para or self._build(avail_width)
        return para.split(avail_width, avail_height)

    def getSpaceBefore(self) -> float:
        return self.style.spaceBefore

    def getSpaceAfter(self) -> float:
        return self.style.spaceAfter

    def draw(self) -> None:
        assert self._para is not None
        self._para.drawOn(self.canv, 0, 0)


def _p(text: object, style: ParagraphStyle, *, bold: bool = False) -> Flowable:
    """A paragraph of user text: escaped, shaped, with font fallback (and line-aware
    right-to-left ordering when the text has right-to-left letters)."""
    value = clean(text)
    if has_rtl(value) or has_long_word(value):
        return ScriptParagraph(value, style, bold=bold)
    return WrappedOnce(markup(value, bold=bold), style)


def _l(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of our own plain text (labels, headings; translations may hold "&")."""
    return WrappedOnce(escape_markup(text), style)


def _t(template: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of our own markup (no user text inside, or already escaped)."""
    return WrappedOnce(template, style)


def _number(value: float) -> str:
    """A weight as the slider shows it: 30, not 30.0 (a fraction keeps one decimal)."""
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


class _Bookmark(Flowable):
    """Zero-size flowable that adds a PDF outline entry where it lands."""

    def __init__(self, key: str, title: str, level: int = 0) -> None:
        super().__init__()
        self.key, self.title, self.level = key, title, level
        self.width = self.height = 0

    def wrap(self, *_args: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)


def _numbered_canvas(draw_total: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    class NumberedCanvas(Canvas):
        """Keeps each page's state until the end so "page X of Y" knows Y.

        Page bookmarks are deferred too: a destination names the page that is current
        when it is set, and pages only become real in :meth:`save`.
        """

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # The canvas opens every page with its initial font; reportlab's default is
            # Helvetica, which then sat in the PDF unembedded although no text used it.
            kwargs["initialFontName"] = kwargs.get("initialFontName") or BASE.regular
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            self._marks: list[str] = []

        def bookmarkPage(self, key: str, **kwargs: Any) -> None:
            self._marks.append(key)

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()
            self._marks = []

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                for key in state["_marks"]:
                    Canvas.bookmarkPage(self, key)
                draw_total(self, number, total)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


#: The body frame's inner size (the frame's 6 pt padding on every side).
FRAME_W = PAGE_W - 2 * MARGIN - 12
FRAME_H = PAGE_H - (MARGIN + 4 * mm) - (MARGIN + 2 * mm) - 12
#: A candidate's pages shrink to one page when the text stays at least this size: at
#: 9.5 pt body text, 0.85 keeps it above 8 pt.
FIT_SCALE = 0.85


def _unkept(flowables: list[Flowable]) -> list[Flowable]:
    """``flowables`` with every :class:`KeepTogether` opened (on one page it keeps
    nothing, and it measures itself as infinitely tall to force a split)."""
    flat: list[Flowable] = []
    for f in flowables:
        if isinstance(f, KeepTogether):
            flat += _unkept(list(f._content))
        else:
            flat.append(f)
    return flat


def _on_one_page_if_close(flowables: list[Flowable]) -> list[Flowable]:
    """A candidate's pages (a :class:`PageBreak`, a bookmark, the content), shrunk onto
    one page when they overflow it by a little: otherwise the last two rows of the
    training table sat alone on a near-empty page (issue #16.7). Content longer than
    that flows on as before."""
    # The bookmark stays outside: KeepInFrame does not draw zero-size flowables.
    head, body = flowables[:2], _unkept(flowables[2:])
    _w, height = _listWrapOn(body, FRAME_W, None)
    if FRAME_H < height <= FRAME_H / FIT_SCALE:
        return [*head, KeepInFrame(FRAME_W, FRAME_H, body, mode="shrink")]
    return flowables


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a dossier is laid out.

    A build allocates tens of thousands of objects that stay alive until it ends
    (paragraphs, their lines and fragments, each page's drawing). With the collector
    on, they were examined and promoted generation after generation, and their number
    set off a full collection of the whole process heap (some 190,000 objects in the
    benchmark, 0.17 s each on the 2-core test machine) about every other build: 0.12 s
    a build in all, measured over ten. Paused, they are looked at once, by the first
    young collection after the build, which frees the ~28,000 left in reference cycles
    (every drawn paragraph is in one): 0.05 s a build. A collector that was already off
    stays off.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


class DossierLayout:
    """Builds one dossier; ``build()`` returns (pdf bytes, page count)."""

    def __init__(self, content: DossierContent, options: LayoutOptions) -> None:
        register_fonts()
        self.c = content
        self.o = options
        self.s = _styles()
        self._on_every_page: tuple[Flowable, Flowable, Flowable] | None = None

    # ------------------------------------------------------------------ pages
    def _page_texts(self) -> tuple[Flowable, Flowable, Flowable]:
        """The header's two paragraphs and the footer's note, the same on every page:
        made and wrapped once, drawn on each page."""
        if self._on_every_page is None:
            left = _p(self.o.branding_name, self.s["small"])
            left.wrap(PAGE_W / 2 - MARGIN, 12 * mm)
            right = _t(
                escape_markup(_("Confidential — for {recipient}")).format(
                    recipient=markup(self.o.recipient)
                ),
                ParagraphStyle("hr", parent=self.s["small"], alignment=2),
            )
            right.wrap(PAGE_W / 2 - MARGIN, 12 * mm)
            note = _p(
                _("Placement dossier, request {id} · {date}").format(
                    id=self.c.request.id, date=day(self.o.generated_on)
                ),
                self.s["small"],
            )
            note.wrap(PAGE_W - 2 * MARGIN - 40 * mm, 10 * mm)
            self._on_every_page = (left, right, note)
        return self._on_every_page

    def _header(self, canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        top = PAGE_H - 11 * mm
        left, right, _note = self._page_texts()
        left.drawOn(canvas, MARGIN, top)
        right.drawOn(canvas, PAGE_W / 2, top)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, top - 2, PAGE_W - MARGIN, top - 2)
        canvas.restoreState()

    def _footer(self, canvas: Canvas, number: int, total: int) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, 14 * mm, PAGE_W - MARGIN, 14 * mm)
        canvas.setFont(BASE.regular, 8)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(
            PAGE_W - MARGIN,
            10 * mm,
            _("Page {number} of {total}").format(number=number, total=total),
        )
        self._page_texts()[2].drawOn(canvas, MARGIN, 9 * mm)
        canvas.restoreState()

    # ------------------------------------------------------------------ parts
    def _facts(self, rows: Sequence[tuple[str, object]], widths: tuple[float, float]) -> Table:
        data = [[_l(label, self.s["label"]), _p(value, self.s["cell"])] for label, value in rows]
        # splitInRow: a cell taller than a page (a very long note) continues on the next
        table = Table(data, colWidths=list(widths), hAlign="LEFT", splitInRow=1)
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    # each cell is drawn after a setFont of the table's font, Helvetica by
                    # default, which then sat in the PDF unembedded
                    ("FONTNAME", (0, 0), (-1, -1), BASE.regular),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        return table

    def _grid(self, head: list[str], rows: list[list[Any]], widths: list[float]) -> Table:
        data: list[list[Any]] = [[_l(h, self.s["cellhead"]) for h in head]]
        for row in rows:
            data.append(
                [
                    cell if isinstance(cell, (Flowable, list)) else _p(cell, self.s["cell"])
                    for cell in row
                ]
            )
        table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=1)
        style = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), BASE.regular),  # see _facts: no stray Helvetica
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        style += [("BACKGROUND", (0, r), (-1, r), ZEBRA) for r in range(2, len(data), 2)]
        table.setStyle(TableStyle(style))
        return table

    def _logo(self) -> Image | None:
        path = self.o.logo_path
        if path is None or not path.is_file():
            return None
        try:
            reader = ImageReader(str(path))
            iw, ih = reader.getSize()
        except Exception:
            return None  # not an image we can read: a plain cover is better than failing
        scale = min(45 * mm / iw, 20 * mm / ih)
        image = Image(str(path), width=iw * scale, height=ih * scale)
        image.hAlign = "LEFT"
        return image

    def _cover(self) -> list[Flowable]:
        r = self.c.request
        story: list[Flowable] = []
        logo = self._logo()
        if logo is not None:
            story += [logo, Spacer(1, 6 * mm)]
        story += [
            _p(self.o.branding_name, self.s["kicker"]),
            Spacer(1, 18 * mm),
            _l(_("Placement dossier"), self.s["kicker"]),
            Spacer(1, 2 * mm),
            _p(r.title, self.s["h1"], bold=True),
            Spacer(1, 2 * mm),
            _p(r.organisation + (f" ({r.acronym})" if r.acronym else ""), self.s["kicker"]),
            Spacer(1, 10 * mm),
        ]
        duration = _("{n} months").format(n=r.duration_months) if r.duration_months else "—"
        rows: list[tuple[str, object]] = [
            (_("Organisation"), r.organisation),
            (_("Duty station"), r.duty_station),
            (_("Start date"), day(r.start_date)),
            (_("Duration"), duration),
            (_("Positions"), str(r.positions)),
            (_("Application deadline"), day(r.deadline)),
            (_("Prepared for"), self.o.recipient),
            (_("Prepared by"), self.o.prepared_by),
            (_("Date"), day(self.o.generated_on)),
            (_("Candidates"), str(len(self.c.sections))),
        ]
        story.append(self._facts(rows, (45 * mm, PAGE_W - 2 * MARGIN - 45 * mm)))
        story.append(Spacer(1, 10 * mm))
        notice = _(
            "<b>Confidential.</b> This dossier contains personal data shared with "
            "{recipient} only to assess candidates for the placement above. Please do not "
            "forward or copy it, and delete it when the selection is complete. Contact "
            "details appear only for candidates who agreed to share them."
        ).format(recipient=markup(self.o.recipient, bold=False))
        story.append(_t(notice, self.s["notice"]))
        if r.description:
            story += [Spacer(1, 8 * mm), _l(_("About the placement"), self.s["h3"])]
            story.append(_p(r.description, self.s["body"]))
        asks = r.asks()
        if asks:
            story += [Spacer(1, 6 * mm), _l(_("What the placement asks for"), self.s["h3"])]
            story.append(Spacer(1, 2 * mm))
            story.append(self._facts(asks, (45 * mm, PAGE_W - 2 * MARGIN - 45 * mm)))
        story.append(PageBreak())
        return story

    def _summary(self) -> list[Flowable]:
        story: list[Flowable] = [
            _Bookmark("summary", _("Summary")),
            _l(_("Shortlisted candidates"), self.s["h2"]),
        ]
        if self.c.source == "saved":
            source = escape_markup(_("From the saved shortlist for this request"))
            if self.c.profile_name:
                source += escape_markup(_(" (weight profile “{name}”, version {version})")).format(
                    name=markup(self.c.profile_name), version=self.c.profile_version or "—"
                )
        else:
            source = escape_markup(
                _("The top candidates of the current ranking (no shortlist was saved)")
            )
        story += [_t(source + ".", self.s["small"]), Spacer(1, 4 * mm)]
        rows = []
        for sec in self.c.sections:
            langs = ", ".join(
                f"{code} {_(LanguageLevel(level).label)}" for code, level in sec.languages[:4]
            )
            # Levels in words ("Wikidata advanced"): a liaison cannot know what "3" means.
            skills = ", ".join(
                f"{_(Platform(p).label)} {_(SkillLevel(level).label).lower()}"
                for p, level in sec.skills[:3]
            )
            name: list[Flowable] = [_p(sec.name, self.s["cell"])]
            aside = sec.name_aside()
            if aside:
                name.append(_p(aside, self.s["small"]))
            rows.append([str(sec.rank), name, f"{sec.score:.1f}", langs or "—", skills or "—"])
        width = PAGE_W - 2 * MARGIN
        story.append(
            self._grid(
                [_("Rank"), _("Name"), _("Score"), _("Key languages"), _("Key skills")],
                rows,
                [14 * mm, 50 * mm, 15 * mm, 45 * mm, width - 124 * mm],
            )
        )
        story.append(Spacer(1, 4 * mm))
        story.append(
            _l(
                _("Scores run from 0 to 100; each candidate's page explains the parts."),
                self.s["small"],
            )
        )
        return story

    def _candidate(self, sec: CandidateSection) -> list[Flowable]:
        width = PAGE_W - 2 * MARGIN
        story: list[Flowable] = [
            PageBreak(),
            _Bookmark(f"candidate-{sec.candidate_id}", f"{sec.rank}. {sec.name}"),
            _t(f"{sec.rank}. " + markup(sec.name, bold=True), self.s["h2"]),
            _p(_("User:{username}").format(username=sec.username), self.s["kicker"]),
            Spacer(1, 3 * mm),
        ]
        facts: list[tuple[str, object]] = list(sec.facts)
        story.append(self._facts(facts, (38 * mm, width - 38 * mm)))

        story.append(_l(_("Languages"), self.s["h3"]))
        story.append(
            _p(
                ", ".join(
                    f"{language_name(code)} — {_(LanguageLevel(level).label)}"
                    for code, level in sec.languages
                )
                or _("None recorded"),
                self.s["body"],
            )
        )
        story.append(_l(_("Wikimedia platform skills"), self.s["h3"]))
        story.append(
            _p(
                ", ".join(
                    f"{_(Platform(p).label)} — {_(SkillLevel(level).label).lower()}"
                    for p, level in sec.skills
                )
                or _("None recorded"),
                self.s["body"],
            )
        )
        story.append(_l(_("Topic areas"), self.s["h3"]))
        story.append(_p(", ".join(sec.topic_labels()) or _("None recorded"), self.s["body"]))

        story += self._explanation(sec, width)
        story += self._training(sec, width)
        return story

    def _explanation(self, sec: CandidateSection, width: float) -> list[Flowable]:
        block: list[Flowable] = [
            _l(
                _("Why this candidate: {score} of 100 points").format(score=f"{sec.score:.1f}"),
                self.s["h3"],
            )
        ]
        most = self.c.most_points()
        # A saved entry without its parts (demo answers, old lists) shows no table of
        # zeros beside a score that they would not add up to.
        parts_known = any(sec.parts.values())
        if parts_known and most:
            # Parts and weights side by side: the weights are relative, so a part's most
            # points (its weight's share of 100) can exceed its weight; said in words too.
            rows = [
                [
                    self.c.part_labels.get(part, part),
                    _number(self.c.weights.get(part, 0.0)),
                    f"{most[part]:.1f}",
                    f"{sec.parts.get(part, 0.0):.1f}",
                ]
                for part in sec.parts
                if part in most
            ]
            block.append(
                self._grid(
                    [_("Score part"), _("Weight"), _("Most points"), _("Points")],
                    rows,
                    [62 * mm, 20 * mm, 26 * mm, 20 * mm],
                )
            )
            block.append(Spacer(1, 1 * mm))
            block.append(
                _l(
                    _(
                        "The weights are relative: each part gives at most its weight's "
                        "share of 100 points among the parts this request uses (their "
                        "weights add up to {total}), so a part can give more points than "
                        "its weight."
                    ).format(total=_number(self.c.weight_total)),
                    self.s["small"],
                )
            )
            block.append(Spacer(1, 2 * mm))
        elif parts_known:
            rows = [
                [self.c.part_labels.get(part, part), f"{points:.1f}"]
                for part, points in sec.parts.items()
            ]
            block.append(self._grid([_("Score part"), _("Points")], rows, [70 * mm, 20 * mm]))
            block.append(Spacer(1, 2 * mm))
        sentences = list(sec.explanations)
        if sec.near_miss:
            sentences.append(_("Not fully met: {reason}").format(reason=sec.near_miss))
        for sentence in sentences:
            block.append(_t("• " + markup(sentence), self.s["body"]))
        return [KeepTogether(block)]

    def _training(self, sec: CandidateSection, width: float) -> list[Flowable]:
        done = sum(1 for t in sec.training if t.status is TrainingStatus.COMPLETED)
        story: list[Flowable] = [
            _l(
                _("Training record ({done} of {total} modules completed)").format(
                    done=done, total=len(sec.training)
                ),
                self.s["h3"],
            )
        ]
        rows = [
            [
                t.title + ("" if t.mandatory else _(" (optional)")),
                _(TrainingStatus(t.status).label),
                day(t.completed_on) if t.completed_on else "—",
            ]
            for t in sec.training
        ]
        story.append(
            self._grid(
                [_("Module"), _("Status"), _("Completed on")],
                rows,
                [width - 64 * mm, 28 * mm, 36 * mm],
            )
        )
        return story

    # ------------------------------------------------------------------ build
    def story(self, progress: Callable[[int, int], None] | None = None) -> list[Flowable]:
        story = self._cover() + self._summary()
        for n, sec in enumerate(self.c.sections, start=1):
            story += _on_one_page_if_close(self._candidate(sec))
            if progress is not None:
                progress(n, len(self.c.sections))
        return story

    def build(self, progress: Callable[[int, int], None] | None = None) -> tuple[bytes, int]:
        buffer = io.BytesIO()
        r = self.c.request
        doc = BaseDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + 4 * mm,
            bottomMargin=MARGIN + 2 * mm,
            title=_("Placement dossier: {title}").format(title=r.title),
            author=f"{self.o.prepared_by} ({self.o.branding_name})",
            subject=_("Candidates for {organisation}, prepared for {recipient}").format(
                organisation=r.organisation, recipient=self.o.recipient
            ),
            creator="WiR Manager",
            keywords=["Wikimedian in Residence", "dossier", "confidential"],
            lang="en",
        )
        frame = Frame(
            doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body", showBoundary=0
        )
        doc.addPageTemplates([PageTemplate("page", [frame], onPage=self._header)])
        canvas_class = _numbered_canvas(self._footer)
        with _collector_paused(), shaped_words():
            story = self.story(progress)
            doc.build(story, canvasmaker=canvas_class)
        data = buffer.getvalue()
        return data, doc.page
