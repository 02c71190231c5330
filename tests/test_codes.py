"""ISO/M49 names follow the user's language; codes stay language-independent."""

from __future__ import annotations

import pytest

from wir_manager import i18n
from wir_manager.domain import codes


@pytest.fixture
def swedish():
    i18n.set_language("sv")
    yield
    i18n.set_language("en")


def test_names_in_english_by_default() -> None:
    assert codes.country_name("SA") == "Saudi Arabia"
    assert codes.m49_name("014") == "Eastern Africa"
    assert codes.language_name("ar") == "Arabic"


def test_language_names_in_running_text_keep_the_languages_own_case(swedish) -> None:
    """Swedish writes language names in lower case mid-sentence ("engelska modersmål"),
    and English keeps its capital; only a name standing alone starts with one."""
    from wir_manager import i18n
    from wir_manager.services.matching.requirements import key_label

    assert codes.language_name("en", in_sentence=True) == "engelska"
    assert codes.language_name("en") == "Engelska"
    assert key_label("language", "en") == "engelska"
    # Standing alone only the first letter changes (str.capitalize() lowered the rest).
    assert codes.language_name("nb", "en") == "Norwegian Bokmål"
    i18n.set_language("en")
    assert key_label("language", "en") == "English"


def test_names_follow_the_user_language(swedish) -> None:
    assert codes.country_name("SA") == "Saudiarabien"
    assert codes.m49_name("014") == "Östafrika"
    assert codes.language_name("ar") == "Arabiska"
    assert ("SE", "Sverige") in codes.all_countries()
    # Parsing still accepts English names and codes, whatever the language.
    assert codes.parse_region("Africa") == "002"
    assert codes.parse_region("Afrika") == "002"
    assert codes.region_of("KE").region == "Africa"  # cached records stay language-neutral
