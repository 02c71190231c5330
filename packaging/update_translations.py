#!/usr/bin/env python3
"""Re-extract and recompile WiR Manager's two translation catalogues.

The app has two layers (see ``wir_manager/i18n.py``):

* **Qt** — ``self.tr()`` / ``QCoreApplication.translate()`` in ``wir_manager/qt/**/*.py``
  and every ``ui/*.ui`` form, extracted by ``pyside6-lupdate`` into
  ``resources/translations/wir_manager_<lang>.ts`` and compiled by ``pyside6-lrelease``
  into ``wir_manager_<lang>.qm``. Sidebar titles live as plain strings in
  ``wir_manager/qt/views/registry.py`` (translated at run time in the context
  ``"Screens"``), so a small generated stub feeds them to lupdate as well.
* **Core** — ``_()`` / ``ngettext()`` strings in the rest of ``wir_manager`` (CLI, errors,
  PDF and spreadsheet text), extracted with Babel into a ``.pot`` and merged into
  ``resources/translations/<lang>/LC_MESSAGES/wir_manager.po``, compiled into ``.mo``.

Usage::

    python packaging/update_translations.py              # extract + merge + compile
    python packaging/update_translations.py --compile-only
    python packaging/update_translations.py --check      # list untranslated, exit 1 if any

``tests/test_translations.py`` imports :func:`missing_qt` and :func:`missing_core` from
here, so the test and this script can never disagree on what "untranslated" means.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("sv",)
#: Languages whose Qt catalogue holds only the plural forms (``tr("%n candidate(s)", n)``):
#: English is the source language, but Qt needs a catalogue to say "1 candidate" and
#: "2 candidates" from one source text. The core needs none (gettext's English
#: fallback of ``ngettext`` already picks singular or plural).
PLURAL_ONLY = ("en",)
DOMAIN = "wir_manager"
SCREENS_CONTEXT = "Screens"


@dataclass(frozen=True)
class Missing:
    """One string without a usable translation."""

    context: str
    source: str

    def __str__(self) -> str:
        return f"[{self.context}] {self.source!r}"


# --------------------------------------------------------------------------- tools


def _tool(name: str) -> str:
    """A console script from the running interpreter's venv, else from PATH."""
    here = Path(sys.executable).parent
    found = shutil.which(name, path=str(here)) or shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found; install PySide6 / Babel into this environment.")
    return found


def _run(args: list[str]) -> None:
    subprocess.run(args, check=True, capture_output=True, text=True)


# --------------------------------------------------------------------------- Qt layer


def ts_path(lang: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"{DOMAIN}_{lang}.ts"


def qm_path(lang: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / f"{DOMAIN}_{lang}.qm"


def screen_titles() -> list[str]:
    """Sidebar titles from views/registry.py, read without importing Qt."""
    registry = ROOT / "wir_manager" / "qt" / "views" / "registry.py"
    if not registry.exists():
        return []
    titles: list[str] = []
    for node in ast.walk(ast.parse(registry.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", None) == "Screen"
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
        ):
            titles.append(node.args[1].value)
    return titles


# --------------------------------------------------------------------------- indirect Qt strings
#
# lupdate only sees string literals written directly inside tr()/translate(). The Qt code
# also translates (a) through small module helpers ``def _tr(text): return
# QCoreApplication.translate("Ctx", text)``, (b) domain labels such as
# ``translate("Enums", Stage(value).label)`` or ``self.tr(status.label)`` inside
# ``for status in RequestStatus``, and (c) constants: ``translate("Ctx", COLUMNS[i][1])``,
# ``translate("Ctx", _LABELS.get(part, part))``, ``translate("Screens", cls.TITLE)``.
# The functions below resolve those statically and feed them to lupdate through a stub of
# QT_TRANSLATE_NOOP lines, so they are extracted and checked like any other string.


def _enum_label_map() -> dict[str, list[str]]:
    sys.path.insert(0, str(ROOT))
    try:
        from wir_manager.domain import enums
    finally:
        sys.path.pop(0)
    out: dict[str, list[str]] = {}
    for name, obj in vars(enums).items():
        if isinstance(obj, type) and issubclass(obj, Enum) and hasattr(obj, "label"):
            labels = [m.label for m in obj if isinstance(m.label, str) and m.label]
            out[name] = list(dict.fromkeys(labels))
    return out


def _callee(node: ast.Call) -> str | None:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else None


def _const_str(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _wrappers(tree: ast.Module) -> dict[str, str]:
    """Module-level ``def f(text): return QCoreApplication.translate("Ctx", text)``."""
    found: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or not node.args.args:
            continue
        body = [
            s
            for s in node.body
            if not (isinstance(s, ast.Expr) and _const_str(s.value))
            and not isinstance(s, ast.Import | ast.ImportFrom)
        ]
        if len(body) != 1 or not isinstance(body[0], ast.Return):
            continue
        call = body[0].value
        if (
            isinstance(call, ast.Call)
            and _callee(call) == "translate"
            and len(call.args) >= 2
            and _const_str(call.args[0]) is not None
            and isinstance(call.args[1], ast.Name)
            and call.args[1].id == node.args.args[0].arg
        ):
            found[node.name] = _const_str(call.args[0]) or ""
    return found


class _Resolver:
    """Turns a non-literal translate() argument into the strings it can take."""

    def __init__(self, tree: ast.Module, parents: dict[ast.AST, ast.AST]) -> None:
        self.tree = tree
        self.parents = parents
        self.enums = _enum_label_map()

    def _enclosing(self, node: ast.AST, kinds: tuple[type, ...]) -> ast.AST | None:
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, kinds):
                return node
        return None

    def _module_value(self, name: str) -> ast.AST | None:
        for stmt in self.tree.body:
            targets = (
                stmt.targets
                if isinstance(stmt, ast.Assign)
                else ([stmt.target] if isinstance(stmt, ast.AnnAssign) else [])
            )
            for target in targets:
                if isinstance(target, ast.Name) and target.id == name:
                    return stmt.value
        return None

    def enum_of(self, expr: ast.AST, at: ast.AST) -> list[str]:
        """Enums whose members ``expr`` can be: ``Stage(v)``, a loop variable over an enum
        (every loop binding that name in the function counts), or a variable assigned
        from such a call."""
        if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name):
            return [expr.func.id] if expr.func.id in self.enums else []
        if not isinstance(expr, ast.Name):
            return []
        found: list[str] = []
        scope = self._enclosing(at, (ast.FunctionDef, ast.AsyncFunctionDef)) or self.tree
        for node in ast.walk(scope):
            if isinstance(node, ast.For | ast.comprehension):
                names = (
                    [node.target.id]
                    if isinstance(node.target, ast.Name)
                    else [getattr(e, "id", None) for e in getattr(node.target, "elts", [])]
                )
                if expr.id not in names:
                    continue
                iterable = node.iter
                if isinstance(iterable, ast.Call) and iterable.args:
                    iterable = iterable.args[0]  # list(Stage), enumerate(Topic)
                if isinstance(iterable, ast.Name) and iterable.id in self.enums:
                    found.append(iterable.id)
            elif isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == expr.id for t in node.targets
            ):
                found += self.enum_of(node.value, node)
        return list(dict.fromkeys(found))

    def strings(self, expr: ast.AST, context: str, at: ast.AST) -> list[str] | None:
        text = _const_str(expr)
        if text is not None:
            return [text]
        if isinstance(expr, ast.IfExp):
            a, b = self.strings(expr.body, context, at), self.strings(expr.orelse, context, at)
            return None if a is None or b is None else a + b
        if isinstance(expr, ast.Attribute) and expr.attr == "label":
            enums = self.enum_of(expr.value, at) or ([context] if context in self.enums else [])
            if enums:
                return [label for enum in enums for label in self.enums[enum]]
            if context == "Enums":
                return [label for labels in self.enums.values() for label in labels]
            return None
        if isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Subscript):
            # self._columns[section].title: the titles given to Column("Title", …) here.
            titles = [
                _const_str(call.args[0])
                for call in ast.walk(self.tree)
                if isinstance(call, ast.Call)
                and (_callee(call) or "").endswith("Column")
                and call.args
                and _const_str(call.args[0]) is not None
            ]
            return [t for t in titles if t] or None
        if isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name):
            cls = self._enclosing(at, (ast.ClassDef,))
            if isinstance(cls, ast.ClassDef):
                for stmt in cls.body:
                    if (
                        isinstance(stmt, ast.Assign)
                        and any(getattr(t, "id", None) == expr.attr for t in stmt.targets)
                        and _const_str(stmt.value) is not None
                    ):
                        return [_const_str(stmt.value) or ""]
            return None
        if (
            isinstance(expr, ast.Call)
            and _callee(expr) == "get"
            and isinstance(expr.func, ast.Attribute)
            and isinstance(expr.func.value, ast.Name)
        ):
            value = self._module_value(expr.func.value.id)
            if isinstance(value, ast.Dict):
                return [s for s in map(_const_str, value.values) if s is not None]
            return None
        if isinstance(expr, ast.Subscript):
            indices: list[int | None] = []
            node: ast.AST = expr
            while isinstance(node, ast.Subscript):
                index = node.slice
                indices.append(index.value if isinstance(index, ast.Constant) else None)
                node = node.value
            values: list[ast.AST] = []
            if isinstance(node, ast.Name):
                values = [v for v in [self._module_value(node.id)] if v is not None]
            elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
                values = self._class_values(node.attr)  # self.HEADERS[section]
            picked: list[str] = []
            for value in values:
                if not isinstance(value, ast.Tuple | ast.List | ast.Dict):
                    continue  # e.g. the base class's empty annotation default
                got = self._pick(value, list(reversed(indices)))
                if got is None:
                    return None
                picked += got
            return picked or None
        return None

    def _class_values(self, name: str) -> list[ast.AST]:
        """Class-level values of ``name`` in every class of the module (each table model
        subclass often defines its own HEADERS)."""
        found: list[ast.AST] = []
        for cls in ast.walk(self.tree):
            if not isinstance(cls, ast.ClassDef):
                continue
            for stmt in cls.body:
                targets = (
                    stmt.targets
                    if isinstance(stmt, ast.Assign)
                    else ([stmt.target] if isinstance(stmt, ast.AnnAssign) else [])
                )
                value = getattr(stmt, "value", None)
                if value is not None and any(
                    isinstance(t, ast.Name) and t.id == name for t in targets
                ):
                    found.append(value)
        return found

    def _pick(self, value: ast.AST, indices: list[int | None]) -> list[str] | None:
        if not indices:
            text = _const_str(value)
            return None if text is None else [text]
        head, rest = indices[0], indices[1:]
        if isinstance(value, ast.Dict):
            items = list(value.values)
        elif isinstance(value, ast.Tuple | ast.List):
            items = list(value.elts)
            if head is not None and isinstance(head, int):
                items = [items[head]] if -len(items) <= head < len(items) else []
        else:
            return None
        out: list[str] = []
        for item in items:
            got = self._pick(item, rest)
            if got is None:
                return None
            out += got
        return out


def _column_titles(tree: ast.Module) -> list[tuple[str, str]]:
    """Titles of ``Column("Title", …)`` in a module whose table models name their
    translation context as a class attribute (``context = "ShortlistTables"``): the
    shared base (qt/models/records.py) translates them in that context."""
    contexts = {
        _const_str(stmt.value)
        for cls in ast.walk(tree)
        if isinstance(cls, ast.ClassDef)
        for stmt in cls.body
        if isinstance(stmt, ast.Assign)
        and any(getattr(t, "id", None) == "context" for t in stmt.targets)
        and _const_str(stmt.value)
    }
    if len(contexts) != 1:
        return []
    context = next(iter(contexts)) or ""
    return [
        (context, title)
        for call in ast.walk(tree)
        if isinstance(call, ast.Call)
        and _callee(call) == "Column"
        and call.args
        and (title := _const_str(call.args[0]))
    ]


def indirect_qt_messages() -> tuple[list[tuple[str, str]], list[str]]:
    """(context, text) pairs lupdate cannot see, and "file:line" of calls we cannot resolve."""
    messages: list[tuple[str, str]] = []
    unresolved: list[str] = []
    qt_dir = ROOT / "wir_manager" / "qt"
    for path in sorted(qt_dir.rglob("*.py")):
        if "forms" in path.relative_to(qt_dir).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        wrappers = _wrappers(tree)
        resolver = _Resolver(tree, parents)
        messages += _column_titles(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = _callee(node)
            if name in wrappers and isinstance(node.func, ast.Name):
                context, arg, direct = wrappers[name], node.args[0], False
            elif name == "translate" and len(node.args) >= 2 and _const_str(node.args[0]):
                context, arg, direct = _const_str(node.args[0]) or "", node.args[1], True
            elif name == "tr" and isinstance(node.func, ast.Attribute):
                cls = resolver._enclosing(node, (ast.ClassDef,))
                if not isinstance(cls, ast.ClassDef):
                    continue
                context, arg, direct = cls.name, node.args[0], True
            else:
                continue
            if direct and _const_str(arg) is not None:
                continue  # lupdate extracts these itself
            if context == SCREENS_CONTEXT:
                continue  # sidebar titles come from the registry (screen_titles)
            func = resolver._enclosing(node, (ast.FunctionDef,))
            if isinstance(func, ast.FunctionDef) and func.name in wrappers:
                continue  # the helper's own body
            found = resolver.strings(arg, context, node)
            if found is None:
                unresolved.append(f"{path.relative_to(ROOT)}:{node.lineno}")
                continue
            messages += [(context, text) for text in found if text.strip()]
    return list(dict.fromkeys(messages)), unresolved


def qt_sources(stub_dir: Path) -> list[Path]:
    """Every file lupdate reads: Qt Python code (not the generated forms), .ui, stub."""
    qt_dir = ROOT / "wir_manager" / "qt"
    py = [p for p in sorted(qt_dir.rglob("*.py")) if "forms" not in p.relative_to(qt_dir).parts]
    ui = sorted((ROOT / "ui").glob("*.ui"))
    stub = stub_dir / "screens_stub.py"
    lines = ["# Generated by packaging/update_translations.py; not part of the app.", ""]
    pairs = [(SCREENS_CONTEXT, title) for title in screen_titles()]
    pairs += indirect_qt_messages()[0]
    lines += [f"QT_TRANSLATE_NOOP({ctx!r}, {text!r})" for ctx, text in dict.fromkeys(pairs)]
    stub.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [*py, *ui, stub]


def lupdate(ts_file: Path, lang: str) -> None:
    """Merge the current source strings into ``ts_file`` (created when missing); for a
    language in :data:`PLURAL_ONLY` only the messages with plural forms."""
    with tempfile.TemporaryDirectory(prefix="wir-i18n-") as tmp:
        sources = qt_sources(Path(tmp))
        _run(
            [
                _tool("pyside6-lupdate"),
                *map(str, sources),
                "-no-obsolete",
                *(["-pluralonly"] if lang in PLURAL_ONLY else []),
                "-locations",
                "none",
                "-source-language",
                "en",
                "-target-language",
                lang,
                "-ts",
                str(ts_file),
            ]
        )


def lrelease(ts_file: Path, qm_file: Path) -> None:
    _run([_tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)])


def ts_messages(ts_file: Path) -> list[tuple[str, str, bool]]:
    """(context, source, translated?) for every live message of a .ts file.

    Unfinished, empty and (for plurals) partly empty translations count as missing;
    vanished/obsolete entries are ignored.
    """
    out: list[tuple[str, str, bool]] = []
    root = ET.parse(ts_file).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            tr = msg.find("translation")
            kind = tr.get("type") if tr is not None else "unfinished"
            if kind in ("vanished", "obsolete"):
                continue
            if tr is None or kind == "unfinished":
                done = False
            elif msg.get("numerus") == "yes":
                forms = [f.text or "" for f in tr.findall("numerusform")]
                done = bool(forms) and all(f.strip() for f in forms)
            else:
                done = bool((tr.text or "").strip())
            out.append((name, source, done))
    return out


def missing_qt(lang: str = "sv") -> list[Missing]:  # also "en": its plural forms
    """Qt strings in the current sources with no finished translation in the catalogue.

    Re-extracts into a temporary copy of the committed .ts, so strings added since the
    catalogue was last updated show up as missing without touching the working tree.
    """
    with tempfile.TemporaryDirectory(prefix="wir-i18n-check-") as tmp:
        copy = Path(tmp) / ts_path(lang).name
        if ts_path(lang).exists():
            shutil.copy(ts_path(lang), copy)
        lupdate(copy, lang)
        return [Missing(c, s) for c, s, done in ts_messages(copy) if not done]


# --------------------------------------------------------------------------- core layer


def po_path(lang: str, folder: Path = TRANSLATIONS) -> Path:
    return folder / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def core_source_dirs() -> list[Path]:
    pkg = ROOT / "wir_manager"
    return [p for p in sorted(pkg.iterdir()) if p.is_dir() and p.name not in ("qt", "__pycache__")]


def enum_labels() -> list[str]:
    """English labels of the domain vocabularies (``Stage.READY.label`` …).

    They are plain strings in ``wir_manager/domain/enums.py`` and shown through
    ``_(member.label)``, which no extractor can see, so they are added explicitly.
    """
    sys.path.insert(0, str(ROOT))
    try:
        from wir_manager.domain import enums
    finally:
        sys.path.pop(0)
    labels: list[str] = []
    for obj in vars(enums).values():
        if isinstance(obj, type) and issubclass(obj, Enum) and hasattr(obj, "label"):
            for member in obj:
                label = member.label
                if isinstance(label, str) and label and label not in labels:
                    labels.append(label)
    return labels


def extract_pot(pot: Path) -> None:
    """``_()`` and ``ngettext()`` strings of the core (everything but wir_manager/qt),
    plus the domain vocabularies' labels."""
    pkg = ROOT / "wir_manager"
    inputs = [str(p) for p in core_source_dirs()]
    inputs += [str(p) for p in sorted(pkg.glob("*.py"))]
    stub = pot.parent / "enum_labels_stub.py"
    stub.write_text(
        "# Generated by packaging/update_translations.py\n"
        + "".join(f"_({label!r})\n" for label in enum_labels()),
        encoding="utf-8",
    )
    inputs.append(str(stub))
    _run(
        [
            _tool("pybabel"),
            "extract",
            "--no-location",
            "--omit-header",
            "--sort-output",
            "-k",
            "_",
            "-k",
            "ngettext:1,2",
            "-k",
            "N_",
            "--project",
            "WiR Manager",
            "-o",
            str(pot),
            *inputs,
        ]
    )


def merge_po(pot: Path, po: Path, lang: str) -> None:
    if not po.exists():
        po.parent.mkdir(parents=True, exist_ok=True)
        _run([_tool("pybabel"), "init", "-D", DOMAIN, "-i", str(pot), "-o", str(po), "-l", lang])
        return
    _run(
        [
            _tool("pybabel"),
            "update",
            "-D",
            DOMAIN,
            "-i",
            str(pot),
            "-o",
            str(po),
            "-l",
            lang,
            "--no-fuzzy-matching",
            "--ignore-obsolete",
            "--no-wrap",
        ]
    )


def compile_mo(po: Path) -> None:
    _run(
        [_tool("pybabel"), "compile", "-D", DOMAIN, "-i", str(po), "-o", str(po.with_suffix(".mo"))]
    )


def po_messages(po: Path) -> list[tuple[str, bool]]:
    """(msgid, translated?) — fuzzy or empty (or partly empty plural) counts as missing."""
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        catalog = read_po(fh)
    out: list[tuple[str, bool]] = []
    for message in catalog:
        if not message.id:
            continue
        msgid = message.id[0] if isinstance(message.id, tuple) else message.id
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        done = not message.fuzzy and all((s or "").strip() for s in strings)
        out.append((msgid, done))
    return out


def missing_core(lang: str = "sv") -> list[Missing]:
    """Core ``_()`` strings in the current sources without a finished translation."""
    with tempfile.TemporaryDirectory(prefix="wir-i18n-check-") as tmp:
        pot = Path(tmp) / f"{DOMAIN}.pot"
        extract_pot(pot)
        copy = Path(tmp) / f"{DOMAIN}.po"
        if po_path(lang).exists():
            shutil.copy(po_path(lang), copy)
        merge_po(pot, copy, lang)
        return [Missing("core", s) for s, done in po_messages(copy) if not done]


# --------------------------------------------------------------------------- driver


def update(lang: str, compile_only: bool) -> None:
    ts, po = ts_path(lang), po_path(lang)
    if not compile_only:
        lupdate(ts, lang)
    if not compile_only and lang not in PLURAL_ONLY:
        with tempfile.TemporaryDirectory(prefix="wir-i18n-") as tmp:
            pot = Path(tmp) / f"{DOMAIN}.pot"
            extract_pot(pot)
            merge_po(pot, po, lang)
    if ts.exists():
        lrelease(ts, qm_path(lang))
    if po.exists():
        compile_mo(po)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--compile-only", action="store_true", help="only .ts->.qm, .po->.mo")
    parser.add_argument("--check", action="store_true", help="list untranslated strings")
    args = parser.parse_args(argv)
    if args.check:
        status = 0
        for lang in (*LANGUAGES, *PLURAL_ONLY):
            missing = missing_qt(lang) + (missing_core(lang) if lang in LANGUAGES else [])
            for item in missing:
                print(f"{lang}: {item}")
            status |= bool(missing)
        return status
    for lang in (*LANGUAGES, *PLURAL_ONLY):
        update(lang, args.compile_only)
        qt = ts_messages(ts_path(lang)) if ts_path(lang).exists() else []
        core = po_messages(po_path(lang)) if po_path(lang).exists() else []
        print(
            f"{lang}: Qt {sum(d for *_, d in qt)}/{len(qt)} translated, "
            f"core {sum(d for _, d in core)}/{len(core)} translated"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
