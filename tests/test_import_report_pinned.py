"""Whole import reports of varied staff sheets, pinned: the importer reads a sheet
column by column (each distinct value once, records built in normal form), and these
files hold every part of the report to what reading it row by row, cell by cell gave
before (the expectations were taken from that implementation).

The sheets are a staff member's own (the bench's headers), a few hundred rows, as CSV,
.xlsx and .ods, with deliberate problems: duplicate usernames and e-mails, bad e-mails,
missing or refused consent, unknown languages and levels, unknown countries, skills and
dates, blank rows, a short row, a name with a bidi override; one with every date fitting
both orders; and an update of people already in the database. Each case pins the counts,
the notes, every problem exactly (row, column, sentence, severity) and a digest of the
rest (records, preview readings, updates, rows with problems), so a change in any
reading shows. Run this file as a script to print the expectations again.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from tests import ods_support
from wir_manager.domain.text_safety import clean_name
from wir_manager.services import candidate_records
from wir_manager.services.spreadsheets import cells, read_candidates, values, write_candidates
from wir_manager.services.spreadsheets import mapping as mp
from wir_manager.services.spreadsheets.report import ImportReport

TODAY = dt.date(2026, 12, 3)
HEADERS = [
    "Full name", "Wikimedia username", "E-mail address", "Country", "Languages spoken",
    "Wikidata experience", "Commons experience", "Consent to store data?", "Date of consent",
    "Notes",
]  # fmt: skip
_FIRST = ["Amina", "José", "Li", "Ольга", "Fatima", "Björn", "Nguyễn", "Ana", "Kofi", "Sara"]
_LAST = ["Yusuf", "Pérez", "Wang", "Иванова", "Haddad", "Lindqvist", "Van An", "Silva", "Mensah"]
_COUNTRIES = ["Nigeria", "Mexico", "China", "Russia", "Palestine", "Sweden", "Vietnam", "BR"]
_LANGUAGES = [
    "Hausa (native), English (C1)",
    "Spanish - native, English B2",
    "zh-native; en-B2",
    "Russian (native), English (B1), French (A2)",
    "Arabic (native), English (C1), French (B2)",
    "Svenska modersmål, English C2",
    "Vietnamese (native)",
    "Portuguese (native), Spanish (B2)",
]
_SKILLS = ["none", "beginner", "intermediate", "advanced", "3", "basic"]


def staff_rows(n: int = 300) -> list[list[Any]]:
    """A staff sheet of ``n`` people, every value as a person would type it."""
    rows: list[list[Any]] = []
    for i in range(n):
        name = f"{_FIRST[i % len(_FIRST)]} {_LAST[(i * 7) % len(_LAST)]} {i}"
        user = f"Editor{i}"
        rows.append(
            [
                name,
                user,
                f"{user.lower()}@example.org",
                _COUNTRIES[i % len(_COUNTRIES)],
                _LANGUAGES[(i * 3) % len(_LANGUAGES)],
                _SKILLS[i % len(_SKILLS)],
                _SKILLS[(i // 2) % len(_SKILLS)],
                "yes" if i % 5 else "Ja",
                f"{1 + i % 28:02d}/{1 + i % 11:02d}/2026",
                "met at Wikimania" if i % 4 == 0 else None,
            ]
        )
    return rows


def with_problems(rows: list[list[Any]]) -> list[list[Any]]:
    """The sheet with deliberate problems at fixed rows (and blank rows between)."""
    out = [list(r) for r in rows]
    out[10][1] = out[3][1]  # the same username as an earlier row
    out[11][1] = out[4][1].upper()  # ... in other letters
    out[20][2] = "not-an-email"
    out[21][2] = "someone@localhost"
    out[22][2] = out[5][2]  # the same e-mail
    out[30][7] = None  # consent missing
    out[31][7] = "no"
    out[32][7] = "perhaps"
    out[40][4] = "Klingon (C1)"
    out[41][4] = "English (Z9)"
    out[42][4] = "English, French (B2)"
    out[50][3] = "Congo"
    out[51][3] = "Atlantis"
    out[60][5] = "wizard"
    out[61][6] = 7
    out[70][8] = "31/31/2026"
    out[71][8] = "15/01/2099"
    out[72][8] = "January 3, 2026"
    out[80][0] = None  # no name
    out[81][0] = out[2][0].upper()  # nearly the same name
    out[82][0] = "Mallory \u202eevil\u202c"
    out[83][1] = "bad#name"
    out[90][9] = "x" * 10_050
    out[91] = out[91][:3]  # a short row
    for at in (100, 101, 150):
        out.insert(at, [None] * len(HEADERS))
    out.insert(120, ["  ", "", None, "", "", "", "", "", "", ""])
    return out


def ambiguous(rows: list[list[Any]]) -> list[list[Any]]:
    """Every consent date fits day/month and month/day."""
    out = [list(r) for r in rows[:120]]
    for i, r in enumerate(out):
        r[8] = f"{1 + i % 12:02d}/{1 + (i * 5) % 11:02d}/2026"
    return out


def changed(rows: list[list[Any]]) -> list[list[Any]]:
    """The same people later: moved, learnt, left notes, emptied cells."""
    out = [list(r) for r in rows[:150]]
    for i, r in enumerate(out):
        if i % 3 == 0:
            r[3] = "Kenya"
        if i % 4 == 0:
            r[5] = "advanced"
        if i % 5 == 0:
            r[9] = "changed note"
        if i % 6 == 0:
            r[4] = ""
        if i % 7 == 0:
            r[7] = ""
        if i % 8 == 0:
            r[2] = ""
    out.append(["New Person", "Editor9999", "new@example.org", "Kenya", "Swahili (native)",
                "none", "none", "yes", "01/02/2026", None])  # fmt: skip
    out.append(list(out[1]))  # the same person twice
    return out


def write_csv(path: Path, rows: list[list[Any]]) -> Path:
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows([HEADERS, *rows])
    path.write_bytes(out.getvalue().encode("utf-8-sig"))
    return path


def write_xlsx(path: Path, rows: list[list[Any]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Candidates"
    for row in [HEADERS, *rows]:
        ws.append(row)
    wb.save(path)
    return path


def write_ods(path: Path, rows: list[list[Any]]) -> Path:
    return ods_support.write_ods(path, [HEADERS, *rows])


def summary(report: ImportReport) -> dict[str, Any]:
    """What a case pins: counts, notes, every problem, and a digest of everything else
    (file names and sheet names left out, so one expectation serves every format)."""
    rest = repr(
        (
            report.records,
            report.record_rows,
            report.preview,
            report.updates,
            report.bad_rows,
            report.new_affiliates,
            report.headers,
            report.file_headers,
            report.header_row,
            report.blank_rows,
            report.date_question,
        )
    )
    problems = [(p.row, p.column, p.message, p.severity) for p in report.problems]
    return {
        "counts": (
            len(report.records),
            len(report.problems),
            len(report.updates),
            len(report.preview),
            report.blank_rows,
        ),
        "notes": report.notes,
        # Every problem where they are few; else the first ones and a digest of all.
        "problems": problems if len(problems) <= MANY else problems[:6],
        "all problems": _digest(repr(problems)),
        "digest": _digest(rest),
    }


MANY = 40


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def cases(folder: Path, db: Any) -> dict[str, ImportReport]:
    """Every case's report (the database is filled for the update cases on the way)."""
    clean = staff_rows()
    bad = with_problems(clean)
    found = {
        "clean.csv": read_candidates(db, write_csv(folder / "clean.csv", clean), today=TODAY),
        "problems.csv": read_candidates(db, write_csv(folder / "bad.csv", bad), today=TODAY),
        "problems.xlsx": read_candidates(db, write_xlsx(folder / "bad.xlsx", bad), today=TODAY),
        "problems.ods": read_candidates(db, write_ods(folder / "bad.ods", bad), today=TODAY),
        "ambiguous.csv": read_candidates(
            db, write_csv(folder / "amb.csv", ambiguous(clean)), today=TODAY
        ),
        "ambiguous.csv dmy": read_candidates(db, folder / "amb.csv", today=TODAY, date_order="dmy"),
    }
    first = read_candidates(db, write_csv(folder / "first.csv", clean[:100]), today=TODAY)
    write_candidates(db, first)
    later = write_csv(folder / "later.csv", changed(clean))
    found["later.csv"] = read_candidates(db, later, today=TODAY)
    found["later.csv update"] = read_candidates(db, later, today=TODAY, update=True)
    found["later.csv update erase"] = read_candidates(
        db, later, today=TODAY, update=True, erase_blanks=True
    )
    found["problems.csv update"] = read_candidates(db, folder / "bad.csv", today=TODAY, update=True)
    found.update(odd_mappings(folder, db))
    return found


def odd_mappings(folder: Path, db: Any) -> dict[str, ImportReport]:
    """Mappings a person may choose: one target for two columns, no field of the record
    at all, nothing mapped."""
    rows = with_problems(staff_rows(160))[:80]
    path = write_csv(folder / "odd.csv", rows)
    twice = {"Commons experience": "skills", "Notes": "full_name", "Date of consent": "consent_at"}
    both = mp.Mapping(
        tuple(
            mp.ColumnChoice(i, h, twice.get(h, mp.suggest(h)[0]), 100, True)
            for i, h in enumerate(HEADERS)
        )
    )
    only_country = mp.Mapping((mp.ColumnChoice(3, "Country", "country", 100, True),))
    nothing = mp.Mapping(tuple(mp.ColumnChoice(i, h, "", 0, True) for i, h in enumerate(HEADERS)))
    return {
        "odd.csv twice": read_candidates(db, path, today=TODAY, mapping=both),
        "odd.csv twice update": read_candidates(db, path, today=TODAY, mapping=both, update=True),
        "odd.csv country only": read_candidates(db, path, today=TODAY, mapping=only_country),
        "odd.csv nothing": read_candidates(db, path, today=TODAY, mapping=nothing),
    }


#: Taken from the row-by-row reading this replaced (run this file to print it again).
# fmt: off
EXPECTED: dict[str, dict[str, Any]] = {'ambiguous.csv': {'all problems': '02333a90b1c39ab0',
                   'counts': (0, 121, 0, 120, 0),
                   'digest': '7e3d42c9f78c80cb',
                   'notes': ('120 consents have no date in the file; they are dated today and '
                             'the file name is recorded as their source.',),
                   'problems': [(0,
                                 '',
                                 'Every date in the file could be day/month or month/day; '
                                 "choose the file's date order (--date-order dmy or mdy).",
                                 'error'),
                                (2,
                                 'Date of consent',
                                 '“01/01/2026” could be day/month or month/day; choose the '
                                 "file's date order (or write YYYY-MM-DD).",
                                 'error'),
                                (3,
                                 'Date of consent',
                                 '“02/06/2026” could be day/month or month/day; choose the '
                                 "file's date order (or write YYYY-MM-DD).",
                                 'error'),
                                (4,
                                 'Date of consent',
                                 '“03/11/2026” could be day/month or month/day; choose the '
                                 "file's date order (or write YYYY-MM-DD).",
                                 'error'),
                                (5,
                                 'Date of consent',
                                 '“04/05/2026” could be day/month or month/day; choose the '
                                 "file's date order (or write YYYY-MM-DD).",
                                 'error'),
                                (6,
                                 'Date of consent',
                                 '“05/10/2026” could be day/month or month/day; choose the '
                                 "file's date order (or write YYYY-MM-DD).",
                                 'error')]},
 'ambiguous.csv dmy': {'all problems': '4f53cda18c2baa0c',
                       'counts': (120, 0, 0, 120, 0),
                       'digest': '41a32d854155fa99',
                       'notes': (),
                       'problems': []},
 'clean.csv': {'all problems': '4f53cda18c2baa0c',
               'counts': (300, 0, 0, 300, 0),
               'digest': 'a88ba1a96d090a85',
               'notes': (),
               'problems': []},
 'later.csv': {'all problems': '6c4187785d172c0b',
               'counts': (44, 312, 0, 152, 0),
               'digest': 'b18e889013c04c45',
               'notes': (),
               'problems': [(2,
                             'Full name',
                             'nearly the same name as existing candidate 1 (“Amina Yusuf 0”).',
                             'warning'),
                            (2,
                             'Wikimedia username',
                             'a candidate with this username already exists (id 1); choose '
                             '“update existing candidates” to change them from the file.',
                             'error'),
                            (2,
                             'Consent to store data?',
                             'this person has not agreed to be kept in the pool, so the row '
                             'cannot be imported; ask for consent first.',
                             'error'),
                            (3,
                             'Full name',
                             'nearly the same name as existing candidate 2 (“José Silva 1”).',
                             'warning'),
                            (3,
                             'Wikimedia username',
                             'a candidate with this username already exists (id 2); choose '
                             '“update existing candidates” to change them from the file.',
                             'error'),
                            (3,
                             'E-mail address',
                             'a candidate with this email already exists (id 2).',
                             'error')]},
 'later.csv update': {'all problems': '68384d77981096a2',
                      'counts': (44, 9, 53, 152, 0),
                      'digest': '79c0c35b1070aff2',
                      'notes': ('47 existing candidates are already up to date.',),
                      'problems': [(107,
                                    'Consent to store data?',
                                    'this person has not agreed to be kept in the pool, so the '
                                    'row cannot be imported; ask for consent first.',
                                    'error'),
                                   (114,
                                    'Consent to store data?',
                                    'this person has not agreed to be kept in the pool, so the '
                                    'row cannot be imported; ask for consent first.',
                                    'error'),
                                   (121,
                                    'Consent to store data?',
                                    'this person has not agreed to be kept in the pool, so the '
                                    'row cannot be imported; ask for consent first.',
                                    'error'),
                                   (128,
                                    'Consent to store data?',
                                    'this person has not agreed to be kept in the pool, so the '
                                    'row cannot be imported; ask for consent first.',
                                    'error'),
                                   (135,
                                    'Consent to store data?',
                                    'this person has not agreed to be kept in the pool, so the '
                                    'row cannot be imported; ask for consent first.',
                                    'error'),
                                   (142,
                                    'Consent to store data?',
                                    'this person has not agreed to be kept in the pool, so the '
                                    'row cannot be imported; ask for consent first.',
                                    'error'),
                                   (149,
                                    'Consent to store data?',
                                    'this person has not agreed to be kept in the pool, so the '
                                    'row cannot be imported; ask for consent first.',
                                    'error'),
                                   (153,
                                    'Wikimedia username',
                                    'the same username as row 3.',
                                    'error'),
                                   (153,
                                    'E-mail address',
                                    'the same email as row 3.',
                                    'error')]},
 'later.csv update erase': {'all problems': '68384d77981096a2',
                            'counts': (44, 9, 63, 152, 0),
                            'digest': '7ddcefb5e1b20db4',
                            'notes': ('37 existing candidates are already up to date.',),
                            'problems': [(107,
                                          'Consent to store data?',
                                          'this person has not agreed to be kept in the pool, '
                                          'so the row cannot be imported; ask for consent '
                                          'first.',
                                          'error'),
                                         (114,
                                          'Consent to store data?',
                                          'this person has not agreed to be kept in the pool, '
                                          'so the row cannot be imported; ask for consent '
                                          'first.',
                                          'error'),
                                         (121,
                                          'Consent to store data?',
                                          'this person has not agreed to be kept in the pool, '
                                          'so the row cannot be imported; ask for consent '
                                          'first.',
                                          'error'),
                                         (128,
                                          'Consent to store data?',
                                          'this person has not agreed to be kept in the pool, '
                                          'so the row cannot be imported; ask for consent '
                                          'first.',
                                          'error'),
                                         (135,
                                          'Consent to store data?',
                                          'this person has not agreed to be kept in the pool, '
                                          'so the row cannot be imported; ask for consent '
                                          'first.',
                                          'error'),
                                         (142,
                                          'Consent to store data?',
                                          'this person has not agreed to be kept in the pool, '
                                          'so the row cannot be imported; ask for consent '
                                          'first.',
                                          'error'),
                                         (149,
                                          'Consent to store data?',
                                          'this person has not agreed to be kept in the pool, '
                                          'so the row cannot be imported; ask for consent '
                                          'first.',
                                          'error'),
                                         (153,
                                          'Wikimedia username',
                                          'the same username as row 3.',
                                          'error'),
                                         (153,
                                          'E-mail address',
                                          'the same email as row 3.',
                                          'error')]},
 'odd.csv country only': {'all problems': 'b87b96f3838f9c3c',
                          'counts': (0, 252, 0, 80, 0),
                          'digest': '71f1bbca2d18ef55',
                          'notes': ('1 consent has no date in the file; it is dated today and '
                                    'the file name is recorded as its source.',),
                          'problems': [(2,
                                        'Full name',
                                        'nearly the same name as existing candidate 1 (“Amina '
                                        'Yusuf 0”).',
                                        'warning'),
                                       (2,
                                        'Wikimedia username',
                                        'a candidate with this username already exists (id 1); '
                                        'choose “update existing candidates” to change them '
                                        'from the file.',
                                        'error'),
                                       (2,
                                        'E-mail address',
                                        'a candidate with this email already exists (id 1).',
                                        'error'),
                                       (3,
                                        'Full name',
                                        'nearly the same name as existing candidate 2 (“José '
                                        'Silva 1”).',
                                        'warning'),
                                       (3,
                                        'Wikimedia username',
                                        'a candidate with this username already exists (id 2); '
                                        'choose “update existing candidates” to change them '
                                        'from the file.',
                                        'error'),
                                       (3,
                                        'E-mail address',
                                        'a candidate with this email already exists (id 2).',
                                        'error')]},
 'odd.csv nothing': {'all problems': 'a5a57551ca091388',
                     'counts': (80, 2, 0, 80, 0),
                     'digest': '1f1ba3b272a4d4c3',
                     'notes': ('Column “Full name” is not used.',
                               'Column “Wikimedia username” is not used.',
                               'Column “E-mail address” is not used.',
                               'Column “Country” is not used.',
                               'Column “Languages spoken” is not used.',
                               'Column “Wikidata experience” is not used.',
                               'Column “Commons experience” is not used.',
                               'Column “Consent to store data?” is not used.',
                               'Column “Date of consent” is not used.',
                               'Column “Notes” is not used.',
                               'The file has no “consent to store” column: make sure everyone '
                               'in it agreed to be kept in the pool.'),
                     'problems': [(1, '', 'the sheet has no “Name” column.', 'error'),
                                  (1,
                                   '',
                                   'the sheet has no “Wikimedia username” column.',
                                   'error')]},
 'odd.csv twice': {'all problems': '369e1c5a241e4b0a',
                   'counts': (0, 330, 0, 80, 0),
                   'digest': '54e63b94bc50f3e6',
                   'notes': ('1 consent has no date in the file; it is dated today and the '
                             'file name is recorded as its source.',),
                   'problems': [(2,
                                 'Wikimedia username',
                                 'a candidate with this username already exists (id 1); choose '
                                 '“update existing candidates” to change them from the file.',
                                 'error'),
                                (2,
                                 'E-mail address',
                                 'a candidate with this email already exists (id 1).',
                                 'error'),
                                (2,
                                 'Commons experience',
                                 '“none” needs a platform and a level, like “Wikidata: '
                                 'advanced”.',
                                 'error'),
                                (3,
                                 'Wikimedia username',
                                 'a candidate with this username already exists (id 2); choose '
                                 '“update existing candidates” to change them from the file.',
                                 'error'),
                                (3,
                                 'E-mail address',
                                 'a candidate with this email already exists (id 2).',
                                 'error'),
                                (3,
                                 'Commons experience',
                                 '“none” needs a platform and a level, like “Wikidata: '
                                 'advanced”.',
                                 'error')]},
 'odd.csv twice update': {'all problems': '0fb090eae8589bd8',
                          'counts': (0, 90, 0, 80, 0),
                          'digest': '54e63b94bc50f3e6',
                          'notes': (),
                          'problems': [(2,
                                        'Commons experience',
                                        '“none” needs a platform and a level, like “Wikidata: '
                                        'advanced”.',
                                        'error'),
                                       (3,
                                        'Commons experience',
                                        '“none” needs a platform and a level, like “Wikidata: '
                                        'advanced”.',
                                        'error'),
                                       (4,
                                        'Commons experience',
                                        '“beginner” needs a platform and a level, like '
                                        '“Wikidata: advanced”.',
                                        'error'),
                                       (5,
                                        'Commons experience',
                                        '“beginner” needs a platform and a level, like '
                                        '“Wikidata: advanced”.',
                                        'error'),
                                       (6,
                                        'Commons experience',
                                        '“intermediate” needs a platform and a level, like '
                                        '“Wikidata: advanced”.',
                                        'error'),
                                       (7,
                                        'Commons experience',
                                        '“intermediate” needs a platform and a level, like '
                                        '“Wikidata: advanced”.',
                                        'error')]},
 'problems.csv': {'all problems': 'c7b7b74cd9b7ce90',
                  'counts': (280, 22, 0, 300, 4),
                  'digest': 'f2aae8ade8c6704d',
                  'notes': ('1 consent has no date in the file; it is dated today and the file '
                            'name is recorded as its source.',),
                  'problems': [(12,
                                'Wikimedia username',
                                'the same username as row 5.',
                                'error'),
                               (13,
                                'Wikimedia username',
                                'the same username as row 6.',
                                'error'),
                               (22,
                                'E-mail address',
                                'This is not an e-mail address (name@example.org).',
                                'error'),
                               (23,
                                'E-mail address',
                                'This is not an e-mail address (name@example.org).',
                                'error'),
                               (24, 'E-mail address', 'the same email as row 7.', 'error'),
                               (32,
                                'Consent to store data?',
                                'this person has not agreed to be kept in the pool, so the row '
                                'cannot be imported; ask for consent first.',
                                'error'),
                               (33,
                                'Consent to store data?',
                                'this person has not agreed to be kept in the pool, so the row '
                                'cannot be imported; ask for consent first.',
                                'error'),
                               (34,
                                'Consent to store data?',
                                '“perhaps” is not yes or no (leave the cell empty when it is '
                                'not known).',
                                'error'),
                               (34,
                                'Consent to store data?',
                                'this person has not agreed to be kept in the pool, so the row '
                                'cannot be imported; ask for consent first.',
                                'error'),
                               (43,
                                'Languages spoken',
                                'level “Z9” is out of range (use A1, A2, B1, B2, C1, C2 or '
                                'native).',
                                'error'),
                               (44,
                                'Languages spoken',
                                '“English” needs a language and a level, like “Arabic C1”, '
                                '“ar-C1” or “Spanish (native)” (levels A1–C2 or native).',
                                'error'),
                               (52,
                                'Country',
                                '“Congo” could mean Congo - Brazzaville (CG), Congo - Kinshasa '
                                '(CD); write the ISO code.',
                                'error'),
                               (53,
                                'Country',
                                '“Atlantis” is not a country we know (write its name or ISO '
                                'code, like SE).',
                                'error'),
                               (62,
                                'Wikidata experience',
                                '“wizard” is not a skill level for Wikidata (use 0–3 or none, '
                                'basic, intermediate, advanced).',
                                'error'),
                               (63,
                                'Commons experience',
                                '“7” is not a skill level for Wikimedia Commons (use 0–3 or '
                                'none, basic, intermediate, advanced).',
                                'error'),
                               (72,
                                'Date of consent',
                                '“31/31/2026” is not a real date.',
                                'error'),
                               (73,
                                'Consent to store data?',
                                'The consent date is in the future.',
                                'error'),
                               (82, 'Full name', "Enter the person's name.", 'error'),
                               (83, 'Full name', 'nearly the same name as row 4.', 'warning'),
                               (85,
                                'Wikimedia username',
                                'A Wikimedia username cannot contain # < > [ ] | { } or /.',
                                'error'),
                               (92,
                                'Notes',
                                'Use at most 10,000 characters (there are 10,050).',
                                'error'),
                               (93,
                                'Consent to store data?',
                                'this person has not agreed to be kept in the pool, so the row '
                                'cannot be imported; ask for consent first.',
                                'error')]},
 'problems.csv update': {'all problems': 'c294ee201c5e8900',
                         'counts': (200, 15, 4, 300, 4),
                         'digest': 'bce73ce9c54af85a',
                         'notes': ('81 existing candidates are already up to date.',),
                         'problems': [(12,
                                       'Wikimedia username',
                                       'the same username as row 5.',
                                       'error'),
                                      (13,
                                       'Wikimedia username',
                                       'the same username as row 6.',
                                       'error'),
                                      (24,
                                       'E-mail address',
                                       'the same email as row 7.',
                                       'error'),
                                      (34,
                                       'Consent to store data?',
                                       '“perhaps” is not yes or no (leave the cell empty when '
                                       'it is not known).',
                                       'error'),
                                      (43,
                                       'Languages spoken',
                                       'level “Z9” is out of range (use A1, A2, B1, B2, C1, C2 '
                                       'or native).',
                                       'error'),
                                      (44,
                                       'Languages spoken',
                                       '“English” needs a language and a level, like “Arabic '
                                       'C1”, “ar-C1” or “Spanish (native)” (levels A1–C2 or '
                                       'native).',
                                       'error'),
                                      (52,
                                       'Country',
                                       '“Congo” could mean Congo - Brazzaville (CG), Congo - '
                                       'Kinshasa (CD); write the ISO code.',
                                       'error'),
                                      (53,
                                       'Country',
                                       '“Atlantis” is not a country we know (write its name or '
                                       'ISO code, like SE).',
                                       'error'),
                                      (62,
                                       'Wikidata experience',
                                       '“wizard” is not a skill level for Wikidata (use 0–3 or '
                                       'none, basic, intermediate, advanced).',
                                       'error'),
                                      (63,
                                       'Commons experience',
                                       '“7” is not a skill level for Wikimedia Commons (use '
                                       '0–3 or none, basic, intermediate, advanced).',
                                       'error'),
                                      (72,
                                       'Date of consent',
                                       '“31/31/2026” is not a real date.',
                                       'error'),
                                      (22,
                                       'E-mail address',
                                       'This is not an e-mail address (name@example.org).',
                                       'error'),
                                      (23,
                                       'E-mail address',
                                       'This is not an e-mail address (name@example.org).',
                                       'error'),
                                      (85,
                                       'Wikimedia username',
                                       'A Wikimedia username cannot contain # < > [ ] | { } or '
                                       '/.',
                                       'error'),
                                      (92,
                                       'Notes',
                                       'Use at most 10,000 characters (there are 10,050).',
                                       'error')]},
 'problems.ods': {'all problems': 'c7b7b74cd9b7ce90',
                  'counts': (280, 22, 0, 300, 4),
                  'digest': '3d3b788623cadf93',
                  'notes': ('1 consent has no date in the file; it is dated today and the file '
                            'name is recorded as its source.',),
                  'problems': [(12,
                                'Wikimedia username',
                                'the same username as row 5.',
                                'error'),
                               (13,
                                'Wikimedia username',
                                'the same username as row 6.',
                                'error'),
                               (22,
                                'E-mail address',
                                'This is not an e-mail address (name@example.org).',
                                'error'),
                               (23,
                                'E-mail address',
                                'This is not an e-mail address (name@example.org).',
                                'error'),
                               (24, 'E-mail address', 'the same email as row 7.', 'error'),
                               (32,
                                'Consent to store data?',
                                'this person has not agreed to be kept in the pool, so the row '
                                'cannot be imported; ask for consent first.',
                                'error'),
                               (33,
                                'Consent to store data?',
                                'this person has not agreed to be kept in the pool, so the row '
                                'cannot be imported; ask for consent first.',
                                'error'),
                               (34,
                                'Consent to store data?',
                                '“perhaps” is not yes or no (leave the cell empty when it is '
                                'not known).',
                                'error'),
                               (34,
                                'Consent to store data?',
                                'this person has not agreed to be kept in the pool, so the row '
                                'cannot be imported; ask for consent first.',
                                'error'),
                               (43,
                                'Languages spoken',
                                'level “Z9” is out of range (use A1, A2, B1, B2, C1, C2 or '
                                'native).',
                                'error'),
                               (44,
                                'Languages spoken',
                                '“English” needs a language and a level, like “Arabic C1”, '
                                '“ar-C1” or “Spanish (native)” (levels A1–C2 or native).',
                                'error'),
                               (52,
                                'Country',
                                '“Congo” could mean Congo - Brazzaville (CG), Congo - Kinshasa '
                                '(CD); write the ISO code.',
                                'error'),
                               (53,
                                'Country',
                                '“Atlantis” is not a country we know (write its name or ISO '
                                'code, like SE).',
                                'error'),
                               (62,
                                'Wikidata experience',
                                '“wizard” is not a skill level for Wikidata (use 0–3 or none, '
                                'basic, intermediate, advanced).',
                                'error'),
                               (63,
                                'Commons experience',
                                '“7” is not a skill level for Wikimedia Commons (use 0–3 or '
                                'none, basic, intermediate, advanced).',
                                'error'),
                               (72,
                                'Date of consent',
                                '“31/31/2026” is not a real date.',
                                'error'),
                               (73,
                                'Consent to store data?',
                                'The consent date is in the future.',
                                'error'),
                               (82, 'Full name', "Enter the person's name.", 'error'),
                               (83, 'Full name', 'nearly the same name as row 4.', 'warning'),
                               (85,
                                'Wikimedia username',
                                'A Wikimedia username cannot contain # < > [ ] | { } or /.',
                                'error'),
                               (92,
                                'Notes',
                                'Use at most 10,000 characters (there are 10,050).',
                                'error'),
                               (93,
                                'Consent to store data?',
                                'this person has not agreed to be kept in the pool, so the row '
                                'cannot be imported; ask for consent first.',
                                'error')]},
 'problems.xlsx': {'all problems': '5ccaa30521708fc1',
                   'counts': (280, 22, 0, 300, 4),
                   'digest': 'e21f5b8fbdd11d41',
                   'notes': ('1 consent has no date in the file; it is dated today and the '
                             'file name is recorded as its source.',),
                   'problems': [(12,
                                 'Wikimedia username',
                                 'the same username as row 5.',
                                 'error'),
                                (13,
                                 'Wikimedia username',
                                 'the same username as row 6.',
                                 'error'),
                                (22,
                                 'E-mail address',
                                 'This is not an e-mail address (name@example.org).',
                                 'error'),
                                (23,
                                 'E-mail address',
                                 'This is not an e-mail address (name@example.org).',
                                 'error'),
                                (24, 'E-mail address', 'the same email as row 7.', 'error'),
                                (32,
                                 'Consent to store data?',
                                 'this person has not agreed to be kept in the pool, so the '
                                 'row cannot be imported; ask for consent first.',
                                 'error'),
                                (33,
                                 'Consent to store data?',
                                 'this person has not agreed to be kept in the pool, so the '
                                 'row cannot be imported; ask for consent first.',
                                 'error'),
                                (34,
                                 'Consent to store data?',
                                 '“perhaps” is not yes or no (leave the cell empty when it is '
                                 'not known).',
                                 'error'),
                                (34,
                                 'Consent to store data?',
                                 'this person has not agreed to be kept in the pool, so the '
                                 'row cannot be imported; ask for consent first.',
                                 'error'),
                                (43,
                                 'Languages spoken',
                                 'level “Z9” is out of range (use A1, A2, B1, B2, C1, C2 or '
                                 'native).',
                                 'error'),
                                (44,
                                 'Languages spoken',
                                 '“English” needs a language and a level, like “Arabic C1”, '
                                 '“ar-C1” or “Spanish (native)” (levels A1–C2 or native).',
                                 'error'),
                                (52,
                                 'Country',
                                 '“Congo” could mean Congo - Brazzaville (CG), Congo - '
                                 'Kinshasa (CD); write the ISO code.',
                                 'error'),
                                (53,
                                 'Country',
                                 '“Atlantis” is not a country we know (write its name or ISO '
                                 'code, like SE).',
                                 'error'),
                                (62,
                                 'Wikidata experience',
                                 '“wizard” is not a skill level for Wikidata (use 0–3 or none, '
                                 'basic, intermediate, advanced).',
                                 'error'),
                                (63,
                                 'Commons experience',
                                 '7.0 is out of range for Wikimedia Commons (use 0 to 3).',
                                 'error'),
                                (72,
                                 'Date of consent',
                                 '“31/31/2026” is not a real date.',
                                 'error'),
                                (73,
                                 'Consent to store data?',
                                 'The consent date is in the future.',
                                 'error'),
                                (82, 'Full name', "Enter the person's name.", 'error'),
                                (83, 'Full name', 'nearly the same name as row 4.', 'warning'),
                                (85,
                                 'Wikimedia username',
                                 'A Wikimedia username cannot contain # < > [ ] | { } or /.',
                                 'error'),
                                (92,
                                 'Notes',
                                 'Use at most 10,000 characters (there are 10,050).',
                                 'error'),
                                (93,
                                 'Consent to store data?',
                                 'this person has not agreed to be kept in the pool, so the '
                                 'row cannot be imported; ask for consent first.',
                                 'error')]}}
# fmt: on


def _reports(folder: Path) -> dict[str, ImportReport]:
    from wir_manager.services import demo
    from wir_manager.storage.database import Database

    database = Database.create(folder / "pinned.db", "pinned passphrase", "Tester")
    try:
        demo.ensure_reference_data(database)
        return cases(folder, database)
    finally:
        database.close()


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ImportReport]:
    return _reports(tmp_path_factory.mktemp("pinned"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_report_is_as_pinned(reports: dict[str, ImportReport], name: str) -> None:
    assert summary(reports[name]) == EXPECTED[name]


def test_every_format_finds_the_same_problems(reports: dict[str, ImportReport]) -> None:
    """Text cells read alike from every format; the .xlsx keeps the number 7 a number
    (its sentence says so), so it is compared by where the problems are."""
    csv_report = reports["problems.csv"]
    assert reports["problems.ods"].lines() == csv_report.lines()
    where = [(p.row, p.column) for p in csv_report.problems]
    assert [(p.row, p.column) for p in reports["problems.xlsx"].problems] == where


def test_records_and_updates_are_built_in_normal_form(reports: dict[str, ImportReport]) -> None:
    """The importer builds records from each cell's normal form and validates them as
    normalised: normalising them again changes nothing."""
    for report in reports.values():
        for record in report.records:
            assert record.data.normalised() is record.data
        for update in report.updates:
            assert update.data.normalised() is update.data


_ODD_TEXTS = [
    None, "", " ", "  Amina  ", "'=1+1", "'x", "x'", "\t tab\t", "Ünïcode", "a\u202eb",
    "ctrl\x07", "line\nbreak", 12, 12.0, 12.5, True, dt.date(2026, 1, 2),
    dt.datetime(2026, 1, 2, 3, 4), "0", "×" * 3,
]  # fmt: skip


def test_texts_reads_each_value_as_text_does() -> None:
    assert cells.texts(list(_ODD_TEXTS)) == [cells.text(v) for v in _ODD_TEXTS]


def test_trimmed_texts_normalise_as_the_record_does() -> None:
    trimmed = [cells.text(v) for v in _ODD_TEXTS]
    for name in ("full_name", "latin_name", "username", "email", "phone", "notes", "country"):
        rule = candidate_records.normal_text_rule(name)
        assert rule is not None
        kind, empty = rule
        assert candidate_records.normal_trimmed_texts(trimmed, kind, empty) == [
            candidate_records.normal_text(t, kind, empty) for t in trimmed
        ], name
        assert [candidate_records.normal_scalar(name, t) for t in trimmed] == [
            candidate_records.normal_text(t, kind, empty) for t in trimmed
        ]
    assert clean_name("a\u202eb") == "ab"


def test_language_lists_split_as_the_expression_splits() -> None:
    import random

    rng = random.Random(14)
    pieces = [*"ab (),;/+&\n-:", " + ", " & ", "C1", "native", "(", ")", ", "]
    samples = [
        "Arabic (native), English (C1)", "a (b, c), d", "a), b (c", "a (b), c (d, e)",
        "a, (b", "a) , b", "(a,b)", ",", "a,,b", "))),", "a ( b ) , c )", "x(,)y", "",
        *("".join(rng.choice(pieces) for _ in range(rng.randint(0, 16))) for _ in range(20_000)),
    ]  # fmt: skip
    for raw in samples:
        assert values._language_items(raw) == values._ITEM_SPLIT.split(raw), raw


def test_ascii_names_key_as_decomposed_names_do() -> None:
    import unicodedata

    def decomposed_key(name: str) -> str:
        letters = unicodedata.normalize("NFKD", name)
        letters = "".join(ch for ch in letters if not unicodedata.combining(ch)).casefold()
        return " ".join(sorted(cells._WORD.findall(letters)))

    for name in ["Perez, Jose", "  ANA  silva ", "O'Brien-Smith", "a_b c9", "", "José Pérez"]:
        assert cells.name_key(name) == decomposed_key(name)


if __name__ == "__main__":
    import pprint
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        found = {name: summary(r) for name, r in _reports(Path(tmp)).items()}
    print("EXPECTED = ", end="")
    pprint.pprint(found, width=96)
