"""Equity of outcomes: selection rates per group and the four-fifths rule.

The four-fifths rule of selection audits (US EEOC Uniform Guidelines, 29 CFR 1607.4 D):
a group whose selection rate is below 80 % of the highest group's rate shows adverse
impact worth a look. Rates of small groups swing wildly (1 of 3 is 33 %, 2 of 3 is
67 %), so groups with fewer than :data:`MIN_GROUP` people are shown but neither flagged
nor used as the reference, and the table says that they are too small to judge.
"""

from __future__ import annotations

from dataclasses import dataclass

from wir_manager.i18n import _

#: Groups smaller than this are "too small to judge".
MIN_GROUP = 10
FOUR_FIFTHS = 0.8

#: step keys: "ready_proposed", "proposed_accepted"; dimensions: "region", "gender".
STEPS = ("ready_proposed", "proposed_accepted")
DIMENSIONS = ("region", "gender")


@dataclass(frozen=True, slots=True)
class EquityRow:
    group: str
    considered: int
    selected: int
    rate: float
    #: rate / the highest judgeable rate; None when there is no reference.
    ratio: float | None
    too_small: bool
    flagged: bool


@dataclass(frozen=True, slots=True)
class EquityTable:
    step: str  # key of STEPS
    dimension: str  # key of DIMENSIONS
    rows: tuple[EquityRow, ...]
    best_rate: float | None

    @property
    def title(self) -> str:
        # Literal calls, so the extractor finds every title.
        if self.step == "ready_proposed":
            if self.dimension == "region":
                return _("Ready → proposed, by UN region")
            return _("Ready → proposed, by gender")
        if self.dimension == "region":
            return _("Proposed → accepted, by UN region")
        return _("Proposed → accepted, by gender")

    @property
    def flagged(self) -> tuple[EquityRow, ...]:
        return tuple(r for r in self.rows if r.flagged)

    @property
    def warnings(self) -> tuple[str, ...]:
        out = []
        small = [r.group for r in self.rows if r.too_small]
        if small:
            out.append(
                _(
                    "Too small to judge (fewer than {n} people): {groups}. Their rates are "
                    "shown but not compared."
                ).format(n=MIN_GROUP, groups=", ".join(small))
            )
        judged = [r for r in self.rows if not r.too_small]
        if len(judged) < 2:
            out.append(_("Fewer than two groups are large enough to compare; no group is flagged."))
        from wir_manager.services.localefmt import format_percent

        for r in self.flagged:
            out.append(
                _(
                    "{group}: selection rate {rate} is below four fifths of the highest "
                    "rate ({best})."
                ).format(
                    group=r.group,
                    rate=format_percent(r.rate),
                    best=format_percent(self.best_rate or 0),
                )
            )
        return tuple(out)


def equity_table(step: str, dimension: str, counts: dict[str, tuple[int, int]]) -> EquityTable:
    """``counts``: group → (considered, selected). Rows by considered, largest first."""
    rows = []
    judged = [sel / n for n, sel in counts.values() if n >= MIN_GROUP and n > 0]
    best = max(judged) if len(judged) >= 2 else (judged[0] if judged else None)
    compare = len(judged) >= 2 and best is not None and best > 0
    for group, (n, sel) in counts.items():
        rate = sel / n if n else 0.0
        small = n < MIN_GROUP
        ratio = rate / best if (best and not small) else None
        flagged = bool(compare and not small and rate < FOUR_FIFTHS * best)
        rows.append(EquityRow(group, n, sel, rate, ratio, small, flagged))
    rows.sort(key=lambda r: (-r.considered, r.group))
    return EquityTable(step, dimension, tuple(rows), best)
