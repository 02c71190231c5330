"""Shape each word once per dossier.

reportlab shapes every word of a ``shaping=1`` paragraph with HarfBuzz each time the
paragraph is wrapped, and a dossier wraps most paragraphs two or three times (a
candidate's pages are measured to decide whether they fit on one, tables measure their
cells and measure them again when they draw, frames wrap before they split). The same
words also recur across candidates: labels, headings, module titles, levels, dates. On
the 20-candidate benchmark dossier reportlab asked for about 13,000 shapings of about
800 different words, and HarfBuzz was a third of the layout time.

:func:`shaped_words` wraps reportlab's ``shapeFragWord`` with a cache for the duration
of one build. A word's shaping depends only on its text, the font and size of each
piece of it, and which pieces share a style fragment (runs break where the fragment
changes), so that is the key; the cached glyphs are re-attached to the caller's own
fragments, and the word object itself is returned when HarfBuzz changes nothing, just
as reportlab does. Words with inline objects (``cbDefn``) and calls with explicit
features bypass the cache. The cache is held in a context variable, so a build in one
thread never sees another's, and nothing outlives the build.
"""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.platypus import paragraph as rl_paragraph

#: key → None (HarfBuzz left the word as it was) or (width, ((piece index, str), …)).
_Cache = dict[tuple[Any, ...], tuple[float, tuple[tuple[int, str], ...]] | None]

_cache: contextvars.ContextVar[_Cache | None] = contextvars.ContextVar(
    "dossier_shaped_words", default=None
)
_lock = threading.Lock()
_original: Callable[..., Any] | None = None


def _index(frags: list[Any], frag: Any) -> int:
    """Where ``frag`` itself (not an equal one) is in ``frags``; -1 when absent."""
    for i, seen in enumerate(frags):
        if seen is frag:
            return i
    return -1


def _shape_frag_word(w: Any, *args: Any, **kwargs: Any) -> Any:
    assert _original is not None
    cache = _cache.get()
    if cache is None or args or kwargs or isinstance(w, ttfonts.ShapedFragWord):
        return _original(w, *args, **kwargs)
    pieces = w[1:]
    frags: list[Any] = []
    key: list[Any] = []
    for f, s in pieces:
        if hasattr(f, "cbDefn"):
            return _original(w)
        group = _index(frags, f)
        if group < 0:
            group = len(frags)
            frags.append(f)
        font_name = f.fontName
        # The font object, not only its name: a name registered again is another font.
        key.append((s, font_name, pdfmetrics.getFont(font_name), f.fontSize, group))
    k = tuple(key)
    try:
        hit = cache[k]
    except KeyError:
        new = _original(w)
        if new is w:
            cache[k] = None
            return w
        # The shaped word holds the caller's fragments; keep which piece each run took
        # its fragment from so another word with the same key gets its own fragments.
        cache[k] = (new[0], tuple((_index(frags, f), s) for f, s in new[1:]))
        return new
    if hit is None:
        return w
    width, runs = hit
    # ShapedStr and its glyph data are only read downstream, so they are shared.
    return ttfonts.makeShapedFragWord(w)([width, *((frags[i], s) for i, s in runs)])


def _install() -> None:
    global _original
    with _lock:
        if _original is None:
            _original = ttfonts.shapeFragWord
            rl_paragraph.shapeFragWord = _shape_frag_word


@contextmanager
def shaped_words() -> Iterator[None]:
    """Within the block, each distinct word is shaped by HarfBuzz once."""
    _install()
    token = _cache.set({})
    try:
        yield
    finally:
        _cache.reset(token)
