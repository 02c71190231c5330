"""Rebuild the fonts bundled for PDF dossiers from the Debian font packages.

Run from a source checkout (developers only; the app never runs this)::

    pip install fonttools
    python resources/fonts/build_fonts.py

Why: reportlab embeds TrueType (glyf) fonts only, and the dossier must show names in
Latin, Cyrillic, Greek, Arabic, Hebrew, Devanagari, Bengali, Thai and CJK scripts.
DejaVu and Noto fonts are copied as they are; Noto Sans CJK (19 MB, CFF outlines) is
subset to the frequent characters of the national standard character sets (GB 2312
level 1, Big5 level 1, JIS X 0208 level 1, KS X 1001 Hangul) and converted to
TrueType outlines, so the bundle stays a few megabytes. Character sets are taken
from Python's own codecs, not typed by hand.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEBIAN = Path("/usr/share/fonts")

COPIES: dict[str, str] = {
    "DejaVuSans.ttf": "truetype/dejavu/DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf": "truetype/dejavu/DejaVuSans-Bold.ttf",
    "NotoNaskhArabic-Regular.ttf": "truetype/noto/NotoNaskhArabic-Regular.ttf",
    "NotoNaskhArabic-Bold.ttf": "truetype/noto/NotoNaskhArabic-Bold.ttf",
    "NotoSansDevanagari-Regular.ttf": "truetype/noto/NotoSansDevanagari-Regular.ttf",
    "NotoSansDevanagari-Bold.ttf": "truetype/noto/NotoSansDevanagari-Bold.ttf",
    "NotoSansBengali-Regular.ttf": "truetype/noto/NotoSansBengali-Regular.ttf",
    "NotoSansBengali-Bold.ttf": "truetype/noto/NotoSansBengali-Bold.ttf",
    "NotoSansHebrew-Regular.ttf": "truetype/noto/NotoSansHebrew-Regular.ttf",
    "NotoSansHebrew-Bold.ttf": "truetype/noto/NotoSansHebrew-Bold.ttf",
    "NotoSansThai-Regular.ttf": "truetype/noto/NotoSansThai-Regular.ttf",
    "NotoSansThai-Bold.ttf": "truetype/noto/NotoSansThai-Bold.ttf",
}
LICENCES: dict[str, str] = {
    "LICENSE-DejaVu.txt": "/usr/share/doc/fonts-dejavu-core/copyright",
    "LICENSE-Noto.txt": "/usr/share/doc/fonts-noto-core/copyright",
    "LICENSE-NotoCJK.txt": "/usr/share/doc/fonts-noto-cjk/copyright",
}
CJK_SOURCE = DEBIAN / "opentype/noto/NotoSansCJK-Regular.ttc"
CJK_TARGET = "NotoSansCJK-WiRSubset.ttf"
CJK_FAMILY = "Noto Sans CJK WiR Subset"


def _encodable(codec: str, first: int, last: int, cps: range) -> set[int]:
    """Code points that ``codec`` encodes into the byte range ``first``..``last``."""
    found = set()
    for cp in cps:
        try:
            raw = chr(cp).encode(codec)
        except UnicodeEncodeError:
            continue
        if first <= int.from_bytes(raw) <= last:
            found.add(cp)
    return found


def _faker_name_characters() -> set[int]:
    """Every CJK character in Faker's Chinese, Japanese and Korean name lists, so demo
    data (and screenshots) never hit a missing glyph."""
    from faker import Faker

    found: set[int] = set()
    for locale in ("zh_CN", "zh_TW", "ja_JP", "ko_KR"):
        provider = Faker(locale).provider("faker.providers.person")
        for attr in dir(type(provider)):
            if not attr.startswith(("first", "last")):
                continue
            value = getattr(provider, attr, None)
            if isinstance(value, dict):
                value = list(value)
            if isinstance(value, list | tuple):
                for item in value:
                    if isinstance(item, str):
                        found.update(ord(ch) for ch in item if ord(ch) >= 0x2E80)
    return found


def cjk_characters() -> set[int]:
    """The most frequent hanzi (GB 2312 level 1), traditional hanzi (Big5 level 1) and
    kanji (JIS X 0208 level 1), the 2,350 KS X 1001 Hangul syllables, all kana, CJK
    punctuation and full-width forms, plus the characters of Faker's CJK names."""
    han = range(0x4E00, 0xA000)
    chars = _encodable("gb2312", 0xB0A1, 0xD7F9, han)
    chars |= _encodable("big5", 0xA440, 0xC67E, han)
    chars |= _encodable("shift_jis", 0x889F, 0x9872, han)
    chars |= _encodable("euc_kr", 0, 0xFFFF, range(0xAC00, 0xD7A4))
    for lo, hi in (
        (0x3000, 0x303F),  # CJK symbols and punctuation
        (0x3040, 0x30FF),  # hiragana, katakana
        (0x3130, 0x318F),  # Hangul compatibility jamo
        (0x31F0, 0x31FF),
        (0xFF00, 0xFFEF),  # full- and half-width forms
    ):
        chars.update(range(lo, hi + 1))
    return chars | _faker_name_characters()


def _to_truetype(font) -> None:  # type: ignore[no-untyped-def]
    """Replace CFF outlines by quadratic glyf outlines (fontTools' otf2ttf recipe)."""
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import newTable

    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 2.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        width, _lsb = hmtx.metrics[name]
        hmtx.metrics[name] = (width, getattr(glyph, "xMin", 0))
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in (
        "maxZones",
        "maxTwilightPoints",
        "maxStorage",
        "maxFunctionDefs",
        "maxInstructionDefs",
        "maxStackElements",
        "maxSizeOfInstructions",
        "maxComponentElements",
    ):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["maxp"] = maxp
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font.sfntVersion = "\x00\x01\x00\x00"


def build_cjk(target: Path) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(CJK_SOURCE))
    font = next(
        f for f in collection.fonts if "SC" in f["name"].getDebugName(1)
    )  # Simplified Chinese face: covers kana, Hangul and traditional forms too
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.desubroutinize = True
    options.hinting = False
    sub = subset.Subsetter(options)
    sub.populate(unicodes=sorted(cjk_characters() | set(range(0x20, 0x7F))))
    sub.subset(font)
    _to_truetype(font)
    names = font["name"]
    for record in names.names:
        if record.nameID in (1, 16):
            record.string = CJK_FAMILY
        elif record.nameID in (4,):
            record.string = f"{CJK_FAMILY} Regular"
        elif record.nameID == 6:
            record.string = "NotoSansCJK-WiRSubset-Regular"
    font.save(str(target))


def main() -> int:
    for target, source in COPIES.items():
        shutil.copyfile(DEBIAN / source, HERE / target)
    for target, source in LICENCES.items():
        shutil.copyfile(source, HERE / target)
    build_cjk(HERE / CJK_TARGET)
    total = sum(p.stat().st_size for p in HERE.glob("*.ttf"))
    print(f"fonts in {HERE}: {total / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
