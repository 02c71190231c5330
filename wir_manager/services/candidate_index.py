"""The candidate list as the desktop table holds it: compact rows and their filter.

Pure Python on purpose (no SQLAlchemy, no Qt): the Candidates screen builds its table
model from these types before the database engine exists, so the main window can appear
while SQLAlchemy is still loading; :mod:`services.candidates` fills the index from the
database. One tuple per candidate with the few columns a table shows lets 100,000 people
fit in memory and a keystroke filter run over Python strings.

:func:`sort_order` gives the order a header click shows, kept on the index: the screen
computes the ones it will need while the index is read, off the GUI thread, so a click
does not sort 100,000 texts while the window waits.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from typing import TYPE_CHECKING, Any

from wir_manager.domain import codes
from wir_manager.domain.enums import LanguageLevel, Stage
from wir_manager.i18n import current_language

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

#: A sort order's key in :attr:`CandidateIndex.orders`: column, descending, and the
#: language for the columns sorted by a translated name ("" for the others).
OrderKey = tuple[int, bool, str]

#: Positions inside one index row tuple.
ID, NAME, USERNAME, EMAIL, COUNTRY, REGION, SUBREGION, AFFILIATE, STAGE, LANGUAGES = range(10)
#: How many of a person's languages the table column shows.
LANGUAGES_SHOWN = 4

Row = tuple[int, str, str, str, str, str, str, str, str, str]


@dataclass
class CandidateIndex:
    """Every candidate as one compact row, plus a lower-cased search text per row.

    ``rows[i][ID]`` is the database id; ``position`` maps an id back to ``i``. Mutable
    on purpose: after an edit, :func:`refresh_index` patches only the changed rows (and
    forgets the sort orders :func:`sort_order` keeps, which may no longer hold).
    """

    rows: list[Row] = field(default_factory=list)
    haystack: list[str] = field(default_factory=list)
    position: dict[int, int] = field(default_factory=dict)
    orders: dict[OrderKey, list[int]] = field(default_factory=dict)
    order_arrays: dict[OrderKey, NDArray[np.intp]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.rows)

    def forget_orders(self) -> None:
        """The rows changed: sort again when asked."""
        self.orders.clear()
        self.order_arrays.clear()

    def reindex(self) -> None:
        rows = self.rows
        self.position = dict(zip(map(operator.itemgetter(ID), rows), range(len(rows)), strict=True))


def search_text(row: Row) -> str:
    return "\x1f".join((row[NAME], row[USERNAME], row[EMAIL], row[AFFILIATE])).casefold()


#: Stages sort in the order a candidate goes through them, unknown values last.
_STAGE_ORDER = {stage.value: n for n, stage in enumerate(Stage)}
_UNKNOWN_STAGE = 99


def sort_order(index: CandidateIndex, column: int, descending: bool = False) -> list[int]:
    """Positions of ``index`` in the order the table shows when sorted by ``column``:
    its text regardless of case (stages in their workflow order, countries by their name
    in the user's language), equal values in index order in both directions, exactly as
    ``sorted(range(n), key=..., reverse=descending)``. Kept in ``index.orders`` until the
    rows change; the list is shared, do not change it.

    Sorting 100,000 texts takes ~50-100 ms on a slow machine (casefolding them ~30 ms
    more), too much for a header click, so the screen asks for the orders it expects
    while the index is read; a click on any other column computes its order then."""
    key = _order_key(column, descending)
    cached = index.orders.get(key)
    if cached is not None:
        return cached
    values = list(map(operator.itemgetter(column), index.rows))
    keys: list[Any]
    if column == STAGE:
        keys = list(map(_STAGE_ORDER.get, values, repeat(_UNKNOWN_STAGE)))
    elif column == COUNTRY:
        names = {code: codes.country_name(code).casefold() if code else "" for code in set(values)}
        keys = list(map(names.__getitem__, values))
    else:
        keys = list(map(str.casefold, values))
    order = sorted(range(len(keys)), key=keys.__getitem__, reverse=descending)
    index.orders[key] = order
    return order


def sort_order_array(
    index: CandidateIndex, column: int, descending: bool = False
) -> NDArray[np.intp]:
    """:func:`sort_order` as a NumPy array, kept beside it (reading 100,000 positions in
    sorted order into one takes ~15 ms: the list's ints lie in index order)."""
    key = _order_key(column, descending)
    cached = index.order_arrays.get(key)
    if cached is not None:
        return cached
    import numpy as np  # ~150-250 ms the first time: only large tables ask for this

    order = sort_order(index, column, descending)
    array = np.fromiter(order, dtype=np.intp, count=len(order))
    index.order_arrays[key] = array
    return array


def _order_key(column: int, descending: bool) -> OrderKey:
    return column, descending, current_language() if column == COUNTRY else ""


def search_texts(rows: Sequence[Row]) -> list[str]:
    """:func:`search_text` of each row, the strings laid out one after another in memory
    (copied once more when no text holds a NUL, which would split it): a keystroke's scan
    in index order then reads memory in sequence."""
    texts = list(map(search_text, rows))
    joined = "\x00".join(texts)
    if texts and joined.count("\x00") == len(texts) - 1:
        return joined.split("\x00")
    return texts


def language_text(items: list[tuple[str, int]]) -> str:
    items.sort(key=lambda item: (-item[1], item[0]))
    shown = [f"{code} {LanguageLevel(level).label}" for code, level in items[:LANGUAGES_SHOWN]]
    if len(items) > LANGUAGES_SHOWN:
        shown.append(f"+{len(items) - LANGUAGES_SHOWN}")
    return " · ".join(shown)


@dataclass(frozen=True, slots=True)
class CandidateFilter:
    """What the user narrowed the list to. Empty fields do not filter.

    ``place`` is an ISO country code ("KE") or a UN M49 region/sub-region code ("002").
    """

    text: str = ""
    stages: frozenset[str] = frozenset()
    place: str | None = None
    language: tuple[str, int] | None = None  # (code, minimum LanguageLevel value)
    skill: tuple[str, int] | None = None  # (Platform value, minimum level 1..3)
    topic: str | None = None
    training_complete: bool = False
    #: What the wikis said (services.wiki.verify.VerifyStatus value), None = any.
    wiki: str | None = None

    @property
    def needs_sets(self) -> bool:
        return bool(
            self.language or self.skill or self.topic or self.training_complete or self.wiki
        )

    def words(self) -> list[str]:
        return self.text.casefold().split()


def match_rows(
    index: CandidateIndex,
    f: CandidateFilter,
    id_sets: Sequence[set[int]] = (),
    within: Iterable[int] | None = None,
) -> list[int]:
    """Row positions of ``index`` that pass ``f``, in the order of ``within`` (all rows
    by default). Pure Python over compact tuples: a keystroke at 100,000 rows costs a
    few milliseconds, and narrowing ``within`` to the previous result costs less."""
    rows = index.rows
    selected: Iterable[int] = range(len(rows)) if within is None else within
    for word in f.words():
        hay = index.haystack
        selected = [i for i in selected if word in hay[i]]
    if f.stages:
        stages = f.stages
        selected = [i for i in selected if rows[i][STAGE] in stages]
    if f.place:
        place = f.place.upper()
        if len(place) == 2:
            selected = [i for i in selected if rows[i][COUNTRY] == place]
        else:
            selected = [i for i in selected if place in (rows[i][REGION], rows[i][SUBREGION])]
    if id_sets:
        allowed = set.intersection(*id_sets) if len(id_sets) > 1 else id_sets[0]
        selected = [i for i in selected if rows[i][ID] in allowed]
    return selected if isinstance(selected, list) else list(selected)
