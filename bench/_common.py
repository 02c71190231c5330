"""What every bench shares: timing a call and the house format of its last lines.

Each bench is run as ``.venv/bin/python bench/X.py``, so this folder is first on
``sys.path`` and ``from _common import …`` finds this file. The last lines of every bench
follow one format, ``NAME: <ours> vs <baseline> = <ratio>x (target <= <X>x) ok|MISS``,
read by people and scripts alike; it is written here once so a verdict means the same
in every bench (a zero baseline is an infinite ratio, a MISS). Each bench keeps its own
units through :func:`figure`.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def timed(fn: Callable[[], object]) -> float:
    """Wall-clock seconds of one call."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def median_time(
    fn: Callable[[], object], repeats: int, reset: Callable[[], None] | None = None
) -> float:
    """The median of ``repeats`` calls in seconds; ``reset`` runs untimed before each
    (e.g. emptying the table an import writes into)."""
    times = []
    for _ in range(repeats):
        if reset is not None:
            reset()
        times.append(timed(fn))
    return statistics.median(times)


def figure(unit: str = "ms", scale: float = 1000, digits: int = 1) -> Callable[[float], str]:
    """How a bench shows its figures: ``value * scale`` with ``digits`` decimals and
    ``unit`` (the default turns seconds into "12.3ms")."""
    return lambda value: f"{value * scale:.{digits}f}{unit}"


#: Seconds shown as milliseconds, the figure most benches print.
MILLISECONDS = figure()


def line(
    name: str, ours: float, base: float, target: float, show: Callable[[float], str] = MILLISECONDS
) -> str:
    """One result in the house format; ``show`` writes ours and the baseline."""
    ratio = ours / base if base else float("inf")
    verdict = "ok" if ratio <= target else "MISS"
    return f"{name}: {show(ours)} vs {show(base)} = {ratio:.2f}x (target <= {target:g}x) {verdict}"
