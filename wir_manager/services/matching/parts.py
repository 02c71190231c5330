"""The named parts of a match score and how weights turn into points.

A score is 0–100 and is the sum of its parts. Each part measures a fraction in [0, 1]
(how well the candidate fits on that dimension); a part's points are its weight's share
of 100 among the parts that apply to the request, times that fraction. Weights are thus
relative: doubling every weight changes nothing, which keeps the 0–100 scale readable
whatever profile a coordinator builds. A part applies when the request gives something
to measure (no topics asked → the topic part is left out, not handed out for free).
"""

from __future__ import annotations

from collections.abc import Mapping

from wir_manager.i18n import _
from wir_manager.services.matching.errors import WeightsError

#: Part names in display order; also the keys of ``parts`` dicts and profile weights.
PARTS: tuple[str, ...] = ("language", "skills", "topics", "training", "experience", "equity")

#: Weights of the built-in "default" profile (relative; they happen to sum to 100).
DEFAULT_WEIGHTS: dict[str, float] = {
    "language": 30.0,
    "skills": 25.0,
    "topics": 15.0,
    "training": 10.0,
    "experience": 10.0,
    "equity": 10.0,
}

DEFAULT_PROFILE = "default"


def part_label(part: str) -> str:
    """English source label of a part, for tables and the CLI."""
    labels = {
        "language": _("Language fit"),
        "skills": _("Platform skills"),
        "topics": _("Topics"),
        "training": _("Training"),
        "experience": _("Experience"),
        "equity": _("Equity (priority region)"),
    }
    return labels.get(part, part)


def merge_weights(
    base: Mapping[str, float], override: Mapping[str, float] | None
) -> dict[str, float]:
    """``base`` with ``override`` applied, validated: known parts, finite, ≥ 0, not all 0.

    Partial overrides are allowed so a caller can say ``{"equity": 20}`` alone.
    """
    merged = {part: float(base.get(part, DEFAULT_WEIGHTS[part])) for part in PARTS}
    for key, value in (override or {}).items():
        if key not in PARTS:
            raise WeightsError(
                _("“{name}” is not a score part; use one of: {parts}.").format(
                    name=key, parts=", ".join(PARTS)
                )
            )
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise WeightsError(
                _("The weight for {part} must be a number.").format(part=key)
            ) from None
        if not number >= 0 or number == float("inf"):
            raise WeightsError(
                _("The weight for {part} must be zero or a positive number.").format(part=key)
            )
        merged[key] = number
    if not any(merged.values()):
        raise WeightsError(_("At least one score part needs a weight above zero."))
    return merged
