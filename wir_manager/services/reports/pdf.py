"""PDF reports with reportlab: the programme report (charts from reportlab.graphics)
and the placement report for the IGO and the chapter.

Text passes the dossier's shaping (right-to-left words, per-script fonts, escaped
markup), so an organisation or a resident named in any script prints correctly and can
never become markup. Files are written to a hidden partial file (created 0600) in the
target folder and renamed when complete, so a failure leaves nothing half-written.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from wir_manager.i18n import _, ngettext
from wir_manager.services.localefmt import format_date, format_number, format_percent
from wir_manager.services.reports.programme import ProgrammeReport

ACCENT = "#1f5f8b"
ACCENT_LIGHT = "#9cc3e0"
FLAG = "#b3261e"


class ReportWriteError(ValueError):
    """The report could not be written (folder missing, disk full …)."""


def _fonts() -> tuple[str, str]:
    from wir_manager.services.dossier import fonts

    fonts.register_fonts()
    return fonts.BASE.regular, fonts.BASE.bold


def _markup(text: object, *, bold: bool = False) -> str:
    from wir_manager.services.dossier import shaping

    return shaping.markup(text, bold=bold)


def _plain(text: object) -> str:
    """Chart labels are drawn as strings, not paragraphs: control characters out."""
    from wir_manager.services.dossier import shaping

    return shaping.visual_order(shaping.clean(text))


def period_text(start: dt.date | None, end: dt.date | None) -> str:
    if start is None and end is None:
        return _("All time")
    if start is None:
        return _("Until {end}").format(end=format_date(end))
    if end is None:
        return _("From {start}").format(start=format_date(start))
    return _("{start} to {end}").format(start=format_date(start), end=format_date(end))


def write_atomically(dest: Path, data: bytes) -> Path:
    dest = Path(dest)
    if dest.is_dir():
        raise ReportWriteError(_("{path} is a folder; give a file name.").format(path=dest))
    if not dest.parent.exists():
        raise ReportWriteError(_("The folder {path} does not exist.").format(path=dest.parent))
    try:
        fd, name = tempfile.mkstemp(prefix=f".{dest.stem}-", suffix=".partial", dir=dest.parent)
    except OSError as exc:
        raise ReportWriteError(
            _("{name} could not be written ({reason}); nothing was saved.").format(
                name=dest.name, reason=exc.strerror or type(exc).__name__
            )
        ) from None
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, dest)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ReportWriteError(
            _("{name} could not be written ({reason}); nothing was saved.").format(
                name=dest.name, reason=exc.strerror or type(exc).__name__
            )
        ) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return dest


class _Styles:
    def __init__(self) -> None:
        from reportlab.lib import colors
        from reportlab.lib.styles import ParagraphStyle

        self.font, self.bold = _fonts()
        self.body = ParagraphStyle("r-body", fontName=self.font, fontSize=9, leading=12)
        self.small = ParagraphStyle(
            "r-small", fontName=self.font, fontSize=7.5, leading=9.5, textColor=colors.grey
        )
        self.cell = ParagraphStyle("r-cell", fontName=self.font, fontSize=8, leading=10)
        self.head_cell = ParagraphStyle("r-hcell", fontName=self.bold, fontSize=8, leading=10)
        self.title = ParagraphStyle(
            "r-title", fontName=self.bold, fontSize=18, leading=22, spaceAfter=4
        )
        self.h2 = ParagraphStyle(
            "r-h2",
            fontName=self.bold,
            fontSize=12.5,
            leading=16,
            spaceBefore=10,
            spaceAfter=4,
            textColor=colors.HexColor(ACCENT),
        )
        self.warn = ParagraphStyle(
            "r-warn", fontName=self.font, fontSize=8, leading=10.5, textColor=colors.HexColor(FLAG)
        )


def _table(
    st: _Styles,
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float],
    *,
    flagged_rows: Sequence[int] = (),
) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    data = [[Paragraph(_markup(h, bold=True), st.head_cell) for h in headers]]
    for row in rows:
        data.append([Paragraph(_markup(v), st.cell) for v in row])
    table = Table(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
    style = [
        ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.HexColor(ACCENT)),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#d0d7de")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for i in flagged_rows:
        style.append(("BACKGROUND", (0, i + 1), (-1, i + 1), colors.HexColor("#fbe9e7")))
    table.setStyle(TableStyle(style))
    return table


def _bar_chart(
    st: _Styles,
    labels: Sequence[str],
    series: Sequence[Sequence[float]],
    *,
    width: float,
    height: float,
    horizontal: bool = False,
    names: Sequence[str] = (),
) -> Any:
    """A bar chart (reportlab.graphics) with value labels and an optional legend."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    drawing = Drawing(width, height)
    chart = HorizontalBarChart() if horizontal else VerticalBarChart()
    left = 150 if horizontal else 30
    chart.x, chart.y = left, 18 if not horizontal else 10
    chart.width = width - left - 20
    chart.height = height - (40 if names else 30)
    chart.data = [list(s) for s in series]
    chart.categoryAxis.categoryNames = [_plain(x)[:34] for x in labels]
    chart.categoryAxis.labels.fontName = st.font
    chart.categoryAxis.labels.fontSize = 7
    if horizontal:
        chart.categoryAxis.reverseDirection = 1
        chart.categoryAxis.labels.boxAnchor = "e"
        chart.categoryAxis.labels.dx = -4
    else:
        chart.categoryAxis.labels.angle = 0
    chart.valueAxis.labels.fontName = st.font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max([max(s) for s in series if len(s)] + [1])
    chart.valueAxis.valueMax = top * 1.15
    chart.valueAxis.labelTextFormat = lambda v: format_number(v)
    palette = [colors.HexColor(ACCENT), colors.HexColor(ACCENT_LIGHT), colors.HexColor("#e0a458")]
    for i in range(len(series)):
        chart.bars[i].fillColor = palette[i % len(palette)]
        chart.bars[i].strokeColor = None
    chart.barLabelFormat = lambda v: format_number(v)
    chart.barLabels.fontName = st.font
    chart.barLabels.fontSize = 6.5
    chart.barLabels.nudge = 6
    drawing.add(chart)
    if names:
        legend = Legend()
        legend.x, legend.y = left, height - 6
        legend.fontName = st.font
        legend.fontSize = 7
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.deltax = 90
        legend.colorNamePairs = [
            (palette[i % len(palette)], _plain(n)) for i, n in enumerate(names)
        ]
        legend.boxAnchor = "nw"
        legend.dxTextSpace = 4
        # Side by side: one column per series.
        legend.columnMaximum = 1
        drawing.add(legend)
    return drawing


def _page(canvas: Any, doc: Any, footer: str, font: str) -> None:
    from reportlab.lib import colors
    from reportlab.lib.units import mm

    canvas.saveState()
    canvas.setFont(font, 7.5)
    canvas.setFillColor(colors.grey)
    canvas.drawString(15 * mm, 10 * mm, _plain(footer))
    canvas.drawRightString(
        doc.pagesize[0] - 15 * mm,
        10 * mm,
        _("Page {n}").format(n=canvas.getPageNumber()),
    )
    canvas.restoreState()


def _build(story: list[Any], title: str, footer: str, st: _Styles) -> bytes:
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=18 * mm,
        title=title,
        author="WiR Manager",
    )

    def on_page(canvas: Any, d: Any) -> None:
        _page(canvas, d, footer, st.font)

    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buf.getvalue()


def _pct(value: float | None) -> str:
    return "–" if value is None else format_percent(value)


class _Outcome(Protocol):
    """A metric against its target: a programme total or one placement's outcome."""

    @property
    def label(self) -> str: ...
    @property
    def target(self) -> int | None: ...
    @property
    def actual(self) -> int: ...


def _outcomes_section(st: _Styles, outcomes: Sequence[_Outcome], width: float) -> list[Any]:
    """The part "Outcomes against targets" of both reports: the programme's totals and
    one placement's outcomes are read alike (a chart of the first twelve, then every
    metric with its share of the target), so one piece of code draws both. Only a
    placement's metric may lack a target: a dash, a bar of 0 and no share."""
    from reportlab.platypus import Paragraph

    part: list[Any] = [Paragraph(_markup(_("Outcomes against targets")), st.h2)]
    if not outcomes:
        part.append(Paragraph(_markup(_("No outcomes were recorded.")), st.body))
        return part
    shown = list(outcomes)[:12]
    part.append(
        _bar_chart(
            st,
            [_(o.label) for o in shown],
            [[o.target or 0 for o in shown], [o.actual for o in shown]],
            width=width,
            height=40 + 22 * len(shown),
            horizontal=True,
            names=(_("Target"), _("Actual")),
        )
    )
    part.append(
        _table(
            st,
            (_("Metric"), _("Target"), _("Actual"), _("Of target")),
            [
                (
                    _(o.label),
                    "–" if o.target is None else format_number(o.target),
                    format_number(o.actual),
                    _pct(o.actual / o.target if o.target else None),
                )
                for o in outcomes
            ],
            [width * 0.46, width * 0.18, width * 0.18, width * 0.18],
        )
    )
    return part


def programme_pdf(report: ProgrammeReport, *, branding: str | None = None) -> bytes:
    """The programme report as PDF bytes (nothing personal in it)."""
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    from wir_manager.domain.enums import Stage

    st = _Styles()
    width = 180 * mm
    period = period_text(report.start, report.end)
    story: list[Any] = [
        Paragraph(_markup(branding or _("Wikimedian in Residence programme")), st.small),
        Paragraph(_markup(_("Programme report")), st.title),
        Paragraph(
            _markup(
                _("Period: {period} · generated on {date}").format(
                    period=period, date=format_date(report.generated_on)
                )
            ),
            st.body,
        ),
        Paragraph(_markup(_("Counts only: this report contains no personal data.")), st.small),
        Spacer(1, 4 * mm),
    ]
    median = report.median_days_to_fill
    story.append(
        _table(
            st,
            (
                _("Candidates"),
                _("Placements in the period"),
                _("Requests filled"),
                _("Median days to fill"),
            ),
            [
                (
                    format_number(report.candidates),
                    format_number(report.placements),
                    format_number(len(report.fill_times)),
                    "–" if median is None else format_number(median),
                )
            ],
            [width / 4] * 4,
        )
    )
    # Funnel.
    story.append(Paragraph(_markup(_("Pipeline funnel")), st.h2))
    labels = [_(Stage(f.stage).label) for f in report.funnel]
    story.append(
        _bar_chart(
            st,
            labels,
            [[f.reached for f in report.funnel]],
            width=width,
            height=150,
        )
    )
    story.append(
        Paragraph(
            _markup(
                _(
                    "Bars: people who reached each step (at it or any later one). "
                    "{n} withdrew and are not counted."
                ).format(n=format_number(report.withdrawn))
            ),
            st.small,
        )
    )
    story.append(
        _table(
            st,
            (_("Stage"), _("At this stage"), _("Reached"), _("On to the next step")),
            [
                (label, format_number(f.at_stage), format_number(f.reached), _pct(f.conversion))
                for label, f in zip(labels, report.funnel, strict=True)
            ],
            [width * 0.34, width * 0.22, width * 0.22, width * 0.22],
        )
    )
    # Time to fill.
    block: list[Any] = [Paragraph(_markup(_("Time from request to filled")), st.h2)]
    if report.fill_times:
        block.append(
            Paragraph(
                _markup(
                    _("{n} requests filled; median {median} days, mean {mean} days.").format(
                        n=format_number(len(report.fill_times)),
                        median=format_number(report.median_days_to_fill or 0),
                        mean=format_number(report.mean_days_to_fill or 0, 1),
                    )
                ),
                st.body,
            )
        )
        block.append(
            _table(
                st,
                (_("Request"), _("Organisation"), _("Days")),
                [
                    (f.request_title, f.organisation, format_number(f.days))
                    for f in report.fill_times[:40]
                ],
                [width * 0.6, width * 0.25, width * 0.15],
            )
        )
    else:
        block.append(Paragraph(_markup(_("No request was filled in this period.")), st.body))
    story += block
    # Placements.
    story.append(Paragraph(_markup(_("Placements per organisation")), st.h2))
    if report.by_organisation:
        top = report.by_organisation[:12]
        story.append(
            _bar_chart(
                st,
                [k for k, _v in top],
                [[v for _k, v in top]],
                width=width,
                height=22 + 15 * len(top),
                horizontal=True,
            )
        )
    for title, pairs in (
        (_("Placements per UN region"), report.by_region),
        (_("Placements per gender"), report.by_gender),
        (_("Placements per status"), report.by_status),
    ):
        if not pairs:
            continue
        story.append(
            KeepTogether(
                [
                    Paragraph(_markup(title), st.h2),
                    _table(
                        st,
                        (_("Group"), _("Placements"), _("Share")),
                        [
                            (
                                k,
                                format_number(v),
                                _pct(v / report.placements if report.placements else None),
                            )
                            for k, v in pairs
                        ],
                        [width * 0.5, width * 0.25, width * 0.25],
                    ),
                ]
            )
        )
    if not report.placements:
        story.append(Paragraph(_markup(_("No placement in this period.")), st.body))
    story += _outcomes_section(st, report.outcomes, width)
    # Equity.
    story.append(Paragraph(_markup(_("Equity of outcomes")), st.h2))
    story.append(
        Paragraph(
            _markup(
                _(
                    "Selection rate at each step per group. A group is flagged when its rate "
                    "is below four fifths (80 %) of the highest group's rate (the four-fifths "
                    "rule of selection audits); groups with fewer than {n} people are too "
                    "small to judge."
                ).format(n=_min_group())
            ),
            st.small,
        )
    )
    for table in report.equity:
        flagged = [i for i, r in enumerate(table.rows) if r.flagged]
        parts: list[Any] = [
            Paragraph(_markup(table.title), st.body),
            _table(
                st,
                (
                    _("Group"),
                    _("Considered"),
                    _("Selected"),
                    _("Rate"),
                    _("Of highest"),
                    _("Finding"),
                ),
                [
                    (
                        r.group,
                        format_number(r.considered),
                        format_number(r.selected),
                        format_percent(r.rate),
                        _pct(r.ratio),
                        _("below four fifths")
                        if r.flagged
                        else (_("too small to judge") if r.too_small else _("no finding")),
                    )
                    for r in table.rows
                ]
                or [(_("Nobody in this step."), "", "", "", "", "")],
                [width * 0.28, width * 0.13, width * 0.13, width * 0.12, width * 0.14, width * 0.2],
                flagged_rows=flagged,
            ),
        ]
        for line in table.warnings:
            parts.append(Paragraph(_markup(line), st.warn))
        parts.append(Spacer(1, 3 * mm))
        story.append(KeepTogether(parts))
    title = _("Programme report")
    return _build(story, title, f"{title} · {period}", st)


def _min_group() -> int:
    from wir_manager.services.reports.equity import MIN_GROUP

    return MIN_GROUP


def _done_text(checkin: Any, today: dt.date) -> str:
    """The "Done" cell of a check-in: its date, or — not done — whether it is overdue and
    by how long (the IGO and the chapter read this to chase a report; "not yet" would
    hide a month-old miss)."""
    if checkin.done_on:
        return format_date(checkin.done_on)
    late = (today - checkin.due_on).days
    if late > 0:
        return ngettext("overdue by {n} day", "overdue by {n} days", late).format(n=late)
    return _("not yet")


def placement_pdf(rec: Any, *, branding: str | None = None, today: dt.date | None = None) -> bytes:
    """The placement report (for the IGO and the chapter): the residency, its timeline,
    reports and outcomes against targets. ``rec`` is a PlacementRecord."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer

    from wir_manager.domain.enums import PlacementStatus, WorkMode
    from wir_manager.services.localefmt import country_name
    from wir_manager.services.placements import format_funding

    st = _Styles()
    width = 180 * mm
    day = today or dt.date.today()
    who = rec.candidate_name or _("erased person")
    story: list[Any] = [
        Paragraph(_markup(branding or _("Wikimedian in Residence programme")), st.small),
        Paragraph(_markup(_("Placement report")), st.title),
        Paragraph(
            _markup(
                _("{name} at {org}").format(
                    name=who, org=rec.organisation or _("another organisation")
                )
            ),
            st.h2,
        ),
        Paragraph(
            _markup(_("Generated on {date}").format(date=format_date(today or dt.date.today()))),
            st.small,
        ),
        Spacer(1, 3 * mm),
    ]
    place = ""
    if rec.work_mode:
        place = _(WorkMode(rec.work_mode).label)
        where = ", ".join(x for x in (rec.duty_city, country_name(rec.duty_country or "")) if x)
        if where and rec.work_mode != WorkMode.REMOTE.value:
            place = f"{place} · {where}"
    facts = [
        (_("Request"), rec.request_title or ""),
        (
            _("Period"),
            _("{start} to {end}").format(
                start=format_date(rec.start_date), end=format_date(rec.end_date)
            ),
        ),
        (_("Status"), _(rec.status.label)),
        (_("Share of full time"), format_percent(rec.time_share / 100)),
        (_("Work mode and duty station"), place),
        (_("IGO liaison"), rec.liaison.display if rec.liaison else ""),
        (_("Mentor"), rec.mentor or ""),
        (_("Host affiliate"), rec.host_affiliate or ""),
        (_("Fiscal sponsor"), rec.fiscal_sponsor or ""),
        (
            _("Funding"),
            " · ".join(
                x
                for x in (
                    rec.funding_source or "",
                    format_funding(rec.funding_amount, rec.funding_currency),
                )
                if x
            ),
        ),
    ]
    if rec.status is PlacementStatus.ENDED_EARLY:
        facts.append((_("Ended early on"), format_date(rec.ended_on)))
    story.append(
        _table(st, (_("Residency"), ""), [f for f in facts if f[1]], [width * 0.3, width * 0.7])
    )
    # Timeline.
    events: list[tuple[dt.date, str]] = [
        (rec.start_date, _("Planned start")),
    ]
    if rec.started_on:
        events.append((rec.started_on, _("Started")))
    for ext in rec.extensions:
        events.append(
            (
                ext.at.date(),
                _("Extended: ends {new} instead of {old}").format(
                    new=format_date(ext.new_end), old=format_date(ext.old_end)
                ),
            )
        )
    if rec.ended_on:
        events.append(
            (
                rec.ended_on,
                _("Ended early") if rec.status is PlacementStatus.ENDED_EARLY else _("Completed"),
            )
        )
    else:
        events.append((rec.end_date, _("Planned end")))
    events.sort(key=lambda e: e[0])
    story.append(Paragraph(_markup(_("Timeline")), st.h2))
    story.append(
        _table(
            st,
            (_("Date"), _("Event")),
            [(format_date(d), t) for d, t in events],
            [width * 0.25, width * 0.75],
        )
    )
    # Reports.
    story.append(Paragraph(_markup(_("Check-ins and reports")), st.h2))
    story.append(
        _table(
            st,
            (_("Report"), _("Due"), _("Done"), _("Note")),
            [
                (
                    _(c.kind.label),
                    format_date(c.due_on),
                    _done_text(c, day),
                    c.note or "",
                )
                for c in rec.checkins
            ]
            or [(_("No check-ins scheduled."), "", "", "")],
            [width * 0.22, width * 0.16, width * 0.24, width * 0.38],
        )
    )
    story += _outcomes_section(st, rec.outcomes, width)
    title = _("Placement report")
    return _build(story, title, f"{title} · {rec.organisation or ''}", st)
