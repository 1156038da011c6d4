import re
import string
from pathlib import Path

import pytest

from bot import i18n, render

ROOT = Path(__file__).resolve().parents[2]
LOOKUP = re.compile(r"\b(?:html|fragment|plain|label|alert)\(\s*[^,()]+,\s*\"([a-z0-9_.]+)\"")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_have_the_same_keys():
    assert set(i18n.catalogue("de")) == set(i18n.catalogue("en"))


@pytest.mark.parametrize("language", i18n.LANGUAGES)
def test_no_message_is_empty(language):
    assert all(text.strip() for text in i18n.catalogue(language).values())


def test_translations_use_the_same_placeholders():
    de, en = i18n.catalogue("de"), i18n.catalogue("en")
    for key in de:
        assert placeholders(de[key]) == placeholders(en[key]), key


def test_every_key_the_code_looks_up_exists():
    used = set()
    for folder in ("bot", "handlers"):
        for path in (ROOT / folder).rglob("*.py"):
            used.update(LOOKUP.findall(path.read_text(encoding="utf-8")))
    assert used, "the scan found no lookups at all"
    assert used - set(i18n.catalogue("en")) == set()


@pytest.mark.parametrize(
    ("chosen", "telegram", "default", "expected"),
    [
        ("en", "de", "de", "en"),
        (None, "de-AT", "en", "de"),
        (None, "fr", "de", "en"),
        (None, None, "de", "de"),
        ("xx", None, "en", "en"),
    ],
)
def test_language_for(chosen, telegram, default, expected):
    assert i18n.language_for(chosen, telegram, default) == expected


def test_counting_messages_have_every_plural_form_in_both_languages():
    de, en = i18n.plural_forms("de"), i18n.plural_forms("en")
    assert set(de) == set(en) and de, "no counting messages at all"
    for key in de:
        assert len(de[key]) == len(en[key]) == 2, key  # German and English: one, other
        for form in (*de[key], *en[key]):
            assert placeholders(form) == placeholders(de[key][0]), key
            assert "count" in placeholders(form), key


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [
        ("de", 1, "1 Sendetermin der"),
        ("de", 2, "2 Sendetermine der"),
        ("de", 0, "0 Sendetermine der"),
        ("en", 1, "1 air date in"),
        ("en", 2, "2 air dates in"),
        ("en", 0, "0 air dates in"),
    ],
)
def test_counts_take_their_plural_form(language, count, expected):
    assert expected in render.caption(language, "calendar.caption", count=count, days=60)


def test_a_counting_message_without_a_count_uses_its_first_form():
    assert (
        i18n.template("en", "broadcast.cancel_done")
        == i18n.plural_forms("en")["broadcast.cancel_done"][0]
    )
