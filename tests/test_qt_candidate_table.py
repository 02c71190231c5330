"""The candidate table model's sort and filter, checked against plain Python.

A header click permutes the index and leaves two things for later (the id → row map and
the compact copy of the search texts); these tests hold the model to the answers a
straightforward sort and filter give, whatever order the steps run in."""

from __future__ import annotations

from PySide6.QtCore import Qt

from wir_manager.qt.models.candidate_table import COLUMNS, CandidateTableModel
from wir_manager.services import candidate_index as ci
from wir_manager.services.candidate_index import CandidateFilter, CandidateIndex, search_text

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
