"""The programme report as an .xlsx workbook: one sheet per part, same figures as the
PDF, with a native bar chart of the funnel. Every text cell is neutralised against
formulas (organisation names and request titles are user input)."""

from __future__ import annotations

import io
from typing import Any

from wir_manager.i18n import _
from wir_manager.services.localefmt import format_date
from wir_manager.services.reports.pdf import period_text
from wir_manager.services.reports.programme import ProgrammeReport
from wir_manager.services.safe_text import neutralise_formula


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        cleaned = "".join(ch for ch in value if ch in "\t\n\r" or ord(ch) >= 32)
        return neutralise_formula(cleaned)
    return value


def _sheet(wb, title: str, headers: list[str], rows: list[list[Any]]):  # type: ignore[no-untyped-def]
    from openpyxl.styles import Font

    ws = wb.create_sheet(title[:31])
    ws.append([_cell(h) for h in headers])
    for c in ws[1]:
        c.font = Font(bold=True)
    for row in rows:
        ws.append([_cell(v) for v in row])
    for i, header in enumerate(headers, start=1):
        width = max([len(str(header))] + [len(str(r[i - 1])) for r in rows] + [8])
        ws.column_dimensions[ws.cell(1, i).column_letter].width = min(60, width + 2)
    ws.freeze_panes = "A2"
    return ws


def programme_xlsx(report: ProgrammeReport) -> bytes:
    from openpyxl import Workbook
    from openpyxl.chart import BarChart, Reference

    from wir_manager.domain.enums import Stage

    wb = Workbook()
    wb.remove(wb.active)
    _sheet(
        wb,
        _("Summary"),
        [_("Figure"), _("Value")],
        [
            [_("Period"), period_text(report.start, report.end)],
            [_("Generated on"), format_date(report.generated_on)],
            [_("Candidates"), report.candidates],
            [_("Withdrew"), report.withdrawn],
            [_("Placements in the period"), report.placements],
            [_("Requests filled"), len(report.fill_times)],
            [_("Median days to fill"), report.median_days_to_fill],
            [_("Counts only: this report contains no personal data."), ""],
        ],
    )
    ws = _sheet(
        wb,
        _("Funnel"),
        [_("Stage"), _("At this stage"), _("Reached"), _("On to the next step")],
        [[_(Stage(f.stage).label), f.at_stage, f.reached, f.conversion] for f in report.funnel],
    )
    for row in ws.iter_rows(min_row=2, min_col=4, max_col=4):
        for c in row:
            c.number_format = "0%"
    chart = BarChart()
    chart.title = _("Pipeline funnel")
    chart.add_data(
        Reference(ws, min_col=3, min_row=1, max_row=len(report.funnel) + 1), titles_from_data=True
    )
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=len(report.funnel) + 1))
    chart.height, chart.width = 8, 16
    ws.add_chart(chart, "F2")
    _sheet(
        wb,
        _("Time to fill"),
        [_("Request"), _("Organisation"), _("Days")],
        [[f.request_title, f.organisation, f.days] for f in report.fill_times],
    )
    rows: list[list[Any]] = []
    for title, pairs in (
        (_("Organisation"), report.by_organisation),
        (_("UN region"), report.by_region),
        (_("Gender"), report.by_gender),
        (_("Status"), report.by_status),
    ):
        rows += [[title, k, v] for k, v in pairs]
    _sheet(wb, _("Placements"), [_("By"), _("Group"), _("Placements")], rows)
    _sheet(
        wb,
        _("Outcomes"),
        [_("Metric"), _("Target"), _("Actual"), _("Of target")],
        [
            [_(o.label), o.target, o.actual, (o.actual / o.target) if o.target else None]
            for o in report.outcomes
        ],
    )
    eq_rows: list[list[Any]] = []
    for table in report.equity:
        for r in table.rows:
            eq_rows.append(
                [
                    table.title,
                    r.group,
                    r.considered,
                    r.selected,
                    r.rate,
                    r.ratio,
                    _("below four fifths")
                    if r.flagged
                    else (_("too small to judge") if r.too_small else _("no finding")),
                ]
            )
    ws = _sheet(
        wb,
        _("Equity"),
        [
            _("Step"),
            _("Group"),
            _("Considered"),
            _("Selected"),
            _("Rate"),
            _("Of highest"),
            _("Finding"),
        ],
        eq_rows,
    )
    for row in ws.iter_rows(min_row=2, min_col=5, max_col=6):
        for c in row:
            c.number_format = "0%"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
