"""Script handling for dossiers: RTL word order, font runs, escaping, real shaping."""

from __future__ import annotations

import re

import uharfbuzz as hb
from hypothesis import given, settings
from hypothesis import strategies as st

from wir_manager.services.dossier.fonts import FAMILIES, covered, fonts_dir, register_fonts
from wir_manager.services.dossier.shaping import font_runs, markup, visual_order


def test_rtl_words_are_reversed_inside_ltr_line() -> None:
    assert visual_order("Name: محمد عبد الله (Mohammed)") == "Name: الله عبد محمد (Mohammed)"
    assert visual_order("plain Latin text") == "plain Latin text"
    # digits between two Arabic words belong to the right-to-left stretch
    assert visual_order("a علي 12 حسن b") == "a حسن 12 علي b"


def test_font_runs_fall_back_per_script_and_keep_spaces_in_run() -> None:
    runs = [(f.key, piece) for f, piece in font_runs("Ana محمد علي, अनु 王 Иван Ελένη")]
    assert runs == [
        ("DejaVu", "Ana "),
        ("Arabic", "محمد علي, "),
        ("Devanagari", "अनु "),
        ("CJK", "王 "),
        ("DejaVu", "Иван Ελένη"),
    ]


def test_markup_escapes_user_text() -> None:
    out = markup("<b>x</b> & <font name='Evil'>")
    assert "<b>" not in out and "<font" not in out
    assert out == "&lt;b&gt;x&lt;/b&gt; &amp; &lt;font name=&#39;Evil&#39;&gt;"
    arabic = markup("<i>علي</i>")
    assert arabic.startswith("&lt;i&gt;") and '<font name="WiR-Arabic">' in arabic
    assert markup("line1\nline2\x07") == "line1<br/>line2"


def test_bundled_fonts_cover_every_script_of_demo_names() -> None:
    register_fonts()
    for sample in (
        "Ελένη",
        "Иван",
        "محمد",
        "کریمی",
        "שרה",
        "कृष्ण",
        "আসিফা",
        "สมชาย",
        "王秀英",
        "山田太郎",
        "ひらがな",
        "김민준",
    ):
        assert covered(sample), sample
    assert all((fonts_dir() / f.regular_file).exists() for f in FAMILIES)
    assert (fonts_dir() / "LICENSE-Noto.txt").exists()


def _shape(font_file: str, text: str) -> list[int]:
    blob = hb.Blob.from_file_path(str(fonts_dir() / font_file))
    font = hb.Font(hb.Face(blob))
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    hb.shape(font, buf, {"kern": True, "liga": True})
    return [info.codepoint for info in buf.glyph_infos]


def test_fonts_shape_arabic_joining_and_devanagari_conjuncts() -> None:
    # Arabic: the same letter gets different (joined) glyphs in initial/medial/final form.
    glyphs = _shape("NotoNaskhArabic-Regular.ttf", "ببب")
    assert len(set(glyphs)) == 3
    # Devanagari: क्ष is one conjunct glyph, fewer glyphs than characters.
    assert len(_shape("NotoSansDevanagari-Regular.ttf", "क्ष")) < 3


def test_long_rtl_text_breaks_in_logical_order_then_reorders_per_line() -> None:
    from wir_manager.services.dossier.shaping import base_is_rtl, break_lines, has_rtl, text_width

    register_fonts()
    words = ["تسعى", "المنظمة", "إلى", "فتح", "بياناتها", "الصحية", "على", "ويكي", "بيانات"]
    text = " ".join(words)
    width = text_width(" ".join(words[:4]), 10) / 0.95 + 1
    lines = break_lines(text, width, 10)
    assert len(lines) > 1
    assert lines[0].split() == words[:4]  # the first words stay on the first line
    assert " ".join(lines).split() == words
    # each line is then shown right to left on its own
    assert visual_order(lines[0]).split() == list(reversed(words[:4]))
    assert has_rtl(text) and base_is_rtl(text) and not base_is_rtl("Name: محمد")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60))
def test_any_user_text_is_valid_inert_markup(text: str) -> None:
    """Whatever people type, the markup parses and carries no tags of theirs."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    register_fonts()
    out = markup(text)
    para = Paragraph(out, ParagraphStyle("t", fontName="WiR-DejaVu", shaping=1))
    para.wrap(300, 1000)
    stripped = out.replace("<br/>", "")
    for tag in re.findall(r"<[^>]*>", stripped):
        assert tag.startswith(('<font name="WiR-', "</font>")), tag
