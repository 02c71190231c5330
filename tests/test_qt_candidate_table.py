"""The candidate table model's sort and filter, checked against plain Python.

The model filters the index in index order, keeps those matches across header clicks,
and takes them in the sort order (kept on the index, computed ahead by prepare_index for
the orders a screen expects; with NumPy from NUMPY_FROM rows on, C loops below); these
tests hold it to the answers a straightforward sort and filter give, whatever order the
steps run in, on both sides of NUMPY_FROM."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt

from wir_manager.domain import codes
from wir_manager.domain.enums import Stage
from wir_manager.qt.models import candidate_table
from wir_manager.qt.models.candidate_table import COLUMNS, CandidateTableModel, prepare_index
from wir_manager.services import candidate_index as ci
from wir_manager.services.candidate_index import (
    CandidateFilter,
    CandidateIndex,
    search_text,
    search_texts,
)

PEOPLE = [
    # name, username, e-mail, languages as the table shows them
    ("Amira Haddad", "Amirah", "amira@example.org", "ar native · en C1"),
    ("अनन्या शर्मा", "Ananya", "ananya@example.org", "hi native · en C2"),
    ("Björn Ångström", "Bjorn", "bjorn@example.se", "sv native · de B2"),
    ("María José Núñez", "Majo", "majo@example.org", "es native · en B1"),
    ("Mustafa Al-Amin", "Mustafaa", "mustafa@example.org", "ar native · fr C1"),
    ("Zoë Martin", "Zoem", "zoe@example.fr", "fr native"),
]


def _index(people=PEOPLE) -> CandidateIndex:
    rows = [
        (n, name, user, mail, "SE", "150", "154", "", "applied", langs)
        for n, (name, user, mail, langs) in enumerate(people, start=1)
    ]
    index = CandidateIndex(rows=rows, haystack=[search_text(r) for r in rows])
    index.reindex()
    return index


def _column(field: int) -> int:
    return next(i for i, (f, _title) in enumerate(COLUMNS) if f == field)


def _expected(index: CandidateIndex, field: int, word: str, descending: bool = False):
    order = sorted(
        range(len(index.rows)), key=lambda i: index.rows[i][field].casefold(), reverse=descending
    )
    return [index.rows[i][ci.ID] for i in order if word in index.haystack[i]]


def test_sorting_then_filtering_gives_the_plain_answer(qtbot) -> None:
    model = CandidateTableModel()
    index = _index()
    model.set_index(index)
    languages = _column(ci.LANGUAGES)
    model.sort(languages, Qt.SortOrder.AscendingOrder)
    assert model.visible_ids() == _expected(index, ci.LANGUAGES, "")
    # The first typed filter after the sort lays the texts out afresh: same answers.
    for text in ("a", "am", "ma", "", "example.org", "अनन्या"):
        model.set_filter(CandidateFilter(text=text))
        assert model.visible_ids() == _expected(index, ci.LANGUAGES, text.casefold()), text
    model.sort(languages, Qt.SortOrder.DescendingOrder)  # the last filter still applies
    assert model.visible_ids() == _expected(index, ci.LANGUAGES, "अनन्या", descending=True)
    model.set_filter(CandidateFilter())
    assert model.visible_ids() == _expected(index, ci.LANGUAGES, "", descending=True)
    # Every visible candidate is found at the row it is shown on, after each sort.
    for row, cid in enumerate(model.visible_ids()):
        assert model.row_of(cid) == row
        assert model.candidate_id(row) == cid


def test_a_filter_active_during_the_sort_stays_applied(qtbot) -> None:
    model = CandidateTableModel()
    index = _index()
    model.set_index(index)
    model.set_filter(CandidateFilter(text="ar"))
    model.sort(_column(ci.NAME), Qt.SortOrder.DescendingOrder)
    assert model.visible_ids() == _expected(index, ci.NAME, "ar", descending=True)
    hidden = next(r[ci.ID] for r in index.rows if "ar" not in search_text(r))
    assert model.row_of(hidden) is None


def test_a_search_text_holding_the_separator_is_still_found(qtbot) -> None:
    """The compact copy joins the texts with NUL and splits them again; a text holding
    a NUL (it cannot come from the editor, but the index does not know) keeps the
    texts as they are, so no row shifts onto another's text."""
    people = [*PEOPLE, ("Nul\x00Byte", "Nulbyte", "nul@example.org", "en C1")]
    model = CandidateTableModel()
    index = _index(people)
    model.set_index(index)
    model.sort(_column(ci.USERNAME), Qt.SortOrder.AscendingOrder)
    for text in ("byte", "zoe", "a"):
        model.set_filter(CandidateFilter(text=text))
        assert model.visible_ids() == _expected(index, ci.USERNAME, text), text


# ---------------------------------------------------------------------------- every column
STAGES = [stage.value for stage in Stage]


def _mixed_index(count: int = 60) -> CandidateIndex:
    """Rows with many equal values (equal ignoring case too), every stage and a few
    countries, so ties and their order in both directions are exercised."""
    pick = random.Random(1617).choice
    rows = []
    for n in range(1, count + 1):
        name = pick(["Ana Lima", "ana lima", "Björn", "Zoë", "Émile", "Mustafa", "Ω Omega"])
        rows.append(
            (
                n,
                f"{name} {pick(['', 'A', 'b'])}".strip(),
                pick(["ana", "Ana", "zed", "ömer", ""]) + str(n % 4),
                pick(["a@example.org", "B@example.org", "", "c@example.se"]),
                pick(["SE", "KE", "FR", "DE", ""]),
                "150",
                "154",
                pick(["", "Wikimedia Sverige", "wikimedia sverige", "Art+Feminism"]),
                pick([*STAGES, "unknown"]),
                pick(["", "ar native · en C1", "AR native · en C1", "sv native", "+5"]),
            )
        )
    index = CandidateIndex(rows=rows, haystack=search_texts(rows))
    index.reindex()
    return index


def _plain_key(field: int):
    if field == ci.STAGE:
        return lambda row: STAGES.index(row[field]) if row[field] in STAGES else 99
    if field == ci.COUNTRY:
        return lambda row: codes.country_name(row[field]).casefold() if row[field] else ""
    return lambda row: row[field].casefold()


def _plain(index: CandidateIndex, field: int, descending: bool, f: CandidateFilter):
    key = _plain_key(field)
    order = sorted(range(len(index)), key=lambda i: key(index.rows[i]), reverse=descending)
    words = f.text.casefold().split()
    return [
        index.rows[i][ci.ID]
        for i in order
        if all(w in search_text(index.rows[i]) for w in words)
        and (not f.stages or index.rows[i][ci.STAGE] in f.stages)
    ]


@pytest.fixture(params=["lists", "numpy"])
def numpy_from(request, monkeypatch) -> None:
    """Both ways of taking the matches in display order: C loops and NumPy."""
    monkeypatch.setattr(candidate_table, "NUMPY_FROM", 10**9 if request.param == "lists" else 0)


@pytest.mark.usefixtures("numpy_from")
def test_every_column_both_ways_with_filters_gives_the_plain_answer(qtbot) -> None:
    model = CandidateTableModel()
    index = _mixed_index()
    model.set_index(index)
    filters = [
        CandidateFilter(text="ana"),
        CandidateFilter(),
        CandidateFilter(text="an"),  # back to a cached text's prefix, after a sort
        CandidateFilter(text="ana"),
        CandidateFilter(text="example.org"),
        CandidateFilter(text="nobody at all"),
        CandidateFilter(text="a", stages=frozenset({"applied", "placed"})),
    ]
    for column, (field, _title) in enumerate(COLUMNS):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            model.sort(column, order)
            descending = order == Qt.SortOrder.DescendingOrder
            assert model.visible_ids() == _plain(index, field, descending, model.current_filter)
            for f in filters:
                model.set_filter(f)
                shown = model.visible_ids()
                assert shown == _plain(index, field, descending, f), (field, order, f)
                assert [model.candidate_id(row) for row in range(len(shown))] == shown
                assert [model.row_of(cid) for cid in shown] == list(range(len(shown)))
                hidden = set(index.position) - set(shown)
                assert all(model.row_of(cid) is None for cid in hidden)


@pytest.mark.usefixtures("numpy_from")
def test_orders_prepared_with_the_index_are_the_ones_shown(qtbot) -> None:
    """prepare_index (run where the index is read) sorts ahead; the model then shows
    those orders as they are, and a click on a column not prepared sorts it then."""
    index = _mixed_index()
    languages = _column(ci.LANGUAGES)
    prepare_index(index, [(ci.NAME, False), (ci.LANGUAGES, False)])
    prepared = dict(index.orders)
    assert set(prepared) == {(ci.NAME, False, ""), (ci.LANGUAGES, False, "")}
    model = CandidateTableModel()
    model.set_index(index)
    model.sort(languages, Qt.SortOrder.AscendingOrder)
    assert index.orders[(ci.LANGUAGES, False, "")] is prepared[(ci.LANGUAGES, False, "")]
    assert model.visible_ids() == _plain(index, ci.LANGUAGES, False, CandidateFilter())
    model.sort(_column(ci.EMAIL), Qt.SortOrder.DescendingOrder)
    assert model.visible_ids() == _plain(index, ci.EMAIL, True, CandidateFilter())


@pytest.mark.usefixtures("numpy_from")
def test_an_edited_row_moves_to_its_new_place(qtbot) -> None:
    """After a row is patched in place, the kept orders are forgotten: a renamed person
    is shown where the new name sorts, and the filter sees the new text."""
    index = _mixed_index()
    model = CandidateTableModel()
    model.set_index(index)
    model.sort(_column(ci.NAME), Qt.SortOrder.AscendingOrder)
    model.set_filter(CandidateFilter(text="ana"))
    first = index.rows[0]
    renamed = (first[ci.ID], "Aaron Ana", *first[2:])
    index.rows[0] = renamed  # as refresh_index patches a row
    index.haystack[0] = search_text(renamed)
    model.rows_changed()
    assert model.visible_ids() == _plain(index, ci.NAME, False, CandidateFilter(text="ana"))
    assert model.visible_ids()[0] == first[ci.ID]


def test_search_texts_are_the_rows_search_texts() -> None:
    index = _mixed_index()
    assert index.haystack == [search_text(r) for r in index.rows]
    rows = [*index.rows[:3], (99, "Nul\x00Byte", "nul", "", "", "", "", "", "applied", "")]
    assert search_texts(rows) == [search_text(r) for r in rows]
    assert search_texts([]) == []


@pytest.mark.usefixtures("numpy_from")
def test_countries_sort_by_their_name_in_the_language_in_use(qtbot) -> None:
    """Countries sort by name in the user's language; an order kept for one language is
    not reused for another, and the rows shown and row_of stay in one order."""
    from wir_manager import i18n

    index = _mixed_index()
    model = CandidateTableModel()
    model.set_index(index)
    country = _column(ci.COUNTRY)
    model.sort(country, Qt.SortOrder.AscendingOrder)
    english = model.visible_ids()
    assert english == _plain(index, ci.COUNTRY, False, CandidateFilter())
    try:
        i18n.set_language("sv")  # Tyskland sorts after Sverige, Germany before Sweden
        model.sort(country, Qt.SortOrder.AscendingOrder)
        swedish = model.visible_ids()
        assert swedish == _plain(index, ci.COUNTRY, False, CandidateFilter())
        assert swedish != english
        model.set_filter(CandidateFilter(text="a"))
        shown = model.visible_ids()
        assert shown == _plain(index, ci.COUNTRY, False, CandidateFilter(text="a"))
        assert [model.row_of(cid) for cid in shown] == list(range(len(shown)))
    finally:
        i18n.set_language("en")
