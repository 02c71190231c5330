"""The bundled user guide: Markdown per language, screenshots of the real app.

Files live in ``resources/guide/<lang>/guide.md``; pictures are written in the text as
``![alt](screenshots/<name>.png)`` and resolved here to ``resources/screenshots/<lang>/``
(falling back to the English screenshot, then to ``resources/screenshots/<name>.png``)
because ``packaging/screenshots.py`` regenerates them outside the guide's folder. A
picture that does not exist yet is dropped rather than shown as a broken image.

Qt-free so the guide can also be exported or checked from the CLI and tests; the Qt
dialog (``wir_manager.qt.dialogs.guide_dialog``) only renders what this returns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from wir_manager import i18n
from wir_manager.storage.paths import resources_dir

GUIDE_FILE = "guide.md"
_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\(screenshots/(?P<name>[^)\s]+)\)")
_HEADING = re.compile(r"^(?P<hashes>#{1,3})\s+(?P<title>.+?)\s*#*\s*$")


@dataclass(frozen=True)
class Section:
    """One heading of the guide, for the table of contents."""

    level: int
    title: str


@dataclass(frozen=True)
class Guide:
    language: str
    markdown: str  # with screenshot links made absolute (file URLs)
    sections: tuple[Section, ...]
    source: Path
    missing_images: tuple[str, ...]  # names referenced but not found


def guide_root() -> Path:
    return resources_dir() / "guide"


def screenshots_root() -> Path:
    return resources_dir() / "screenshots"


def available_languages() -> list[str]:
    root = guide_root()
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir() if (p / GUIDE_FILE).is_file())


def screenshot_path(name: str, language: str) -> Path | None:
    """The best existing screenshot for ``language``: its own, English, or unsorted."""
    root = screenshots_root()
    for candidate in (root / language / name, root / "en" / name, root / name):
        if candidate.is_file():
            return candidate
    return None


def _resolve_images(markdown: str, language: str) -> tuple[str, list[str]]:
    missing: list[str] = []

    def replace(match: re.Match[str]) -> str:
        path = screenshot_path(match["name"], language)
        if path is None:
            missing.append(match["name"])
            return ""
        return f"![{match['alt']}]({path.resolve().as_uri()})"

    return _IMAGE.sub(replace, markdown), missing


def sections_of(markdown: str) -> tuple[Section, ...]:
    """Headings (levels 1-3) outside fenced code blocks, in order."""
    found: list[Section] = []
    fenced = False
    for line in markdown.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        match = None if fenced else _HEADING.match(line)
        if match:
            found.append(Section(len(match["hashes"]), match["title"]))
    return tuple(found)


def load_guide(language: str | None = None) -> Guide:
    """The guide in ``language`` (default: the language in use), else in English."""
    wanted = language or i18n.current_language()
    languages = available_languages()
    if not languages:
        raise FileNotFoundError(i18n._("The user guide is missing from this installation."))
    chosen = wanted if wanted in languages else ("en" if "en" in languages else languages[0])
    source = guide_root() / chosen / GUIDE_FILE
    text = source.read_text(encoding="utf-8")
    markdown, missing = _resolve_images(text, chosen)
    return Guide(chosen, markdown, sections_of(text), source, tuple(missing))
