"""Text that may reach a terminal, a PDF or another person's screen: what we refuse.

Names and usernames are shown everywhere (tables, dossiers, the audit of a dossier, the
command line). Bidi embedding, override and isolate controls in them make a name read
differently from what is stored ("Alice \\u202eSSAP\\u202c" shows as "Alice PASS"), and
C0 control characters draw as boxes or drive terminals. Validation strips them from
names (the editor and the importer alike), keeping the spaces around them.
"""

from __future__ import annotations

import re

#: LRE, RLE, PDF, LRO, RLO and the isolates LRI, RLI, FSI, PDI.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def has_bidi_controls(text: str) -> bool:
    return _BIDI.search(text) is not None


def clean_name(text: str) -> str:
    """A name or username without bidi embedding/override/isolate controls and without
    control characters (tab and newline become spaces); the spaces around them stay."""
    if text.isprintable():
        # Neither a control (Cc) nor a bidi control (Cf) is printable: nothing to take
        # out. Nearly every name is like this, and an import cleans five per row.
        return text.strip()
    value = _BIDI.sub("", text)
    value = value.replace("\t", " ").replace("\n", " ").replace("\r", " ")
    return _CONTROL.sub("", value).strip()


__all__ = ["BIDI_CONTROLS", "clean_name", "has_bidi_controls"]
