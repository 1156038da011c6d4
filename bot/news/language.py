"""Which language a headline is written in, told cheaply by its function words."""

from __future__ import annotations

from collections.abc import Iterable

# Folded (accent-free) function words that are frequent in one language and rare in the other;
# words both share ("in", "an", "so", "will", "man") are left out.
STOPWORDS = {
    "de": frozenset(
        (
            "der die das den dem des ein eine einer einen einem und oder ist sind wird werden"
            " wurde nicht kein keine mit fur auf aus bei nach von vom zum zur im ins uber unter"
            " auch als um es sich sie er wir ihr ihre sein seine noch nur schon jetzt mehr neue"
            " neuen neues erste zweite dritte dass wie wer wenn doch bis ab hat haben gibt"
        ).split()
    ),
    "en": frozenset(
        (
            "the a of and or is are was were be been being to for with on at from by after"
            " before as it its this that these those not no his her their they he she we you"
            " your our has have had new first second third how why what who when into about"
            " over more than just ahead gets get"
        ).split()
    ),
}


def guess_language(words: Iterable[str]) -> str | None:
    """ "de" or "en" by which language's function words are more frequent; None on a tie."""
    words = tuple(words)
    de = sum(map(STOPWORDS["de"].__contains__, words))
    en = sum(map(STOPWORDS["en"].__contains__, words))
    if de == en:
        return None
    return "de" if de > en else "en"
