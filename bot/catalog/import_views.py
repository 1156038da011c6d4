"""The screens of /import and /export: problems, the matches to confirm, the summary."""

from __future__ import annotations

from collections.abc import Sequence

from bot import render
from bot.callback_data import Action, encode
from bot.catalog.import_formats import MAX_FILE_BYTES, MAX_TITLES, ImportProblem
from bot.catalog.import_match import Confidence, ImportMatch, ImportSummary
from bot.message import BotMessage, Button

CONFIDENCE_KEYS = {
    Confidence.ID: "import.match.id",
    Confidence.TITLE: "import.match.title",
    Confidence.FUZZY: "import.match.fuzzy",
}


def problem_screen(language: str, problem: ImportProblem) -> BotMessage:
    return BotMessage(
        render.html(
            language,
            f"import.problem.{problem.value}",
            max_mb=MAX_FILE_BYTES // 1_000_000,
            max_titles=MAX_TITLES,
        )
    )


def match_line(language: str, match: ImportMatch) -> render.Markup:
    if match.confidence is None:
        key = "import.match.unchecked" if match.tv_unavailable else "import.match.none"
        return render.fragment(language, key, title=match.title)
    return render.fragment(
        language,
        CONFIDENCE_KEYS[match.confidence],
        title=match.title,
        asked=match.entry.title or match.title,
    )


def confirm_screen(language: str, matches: Sequence[ImportMatch], nonce: str) -> BotMessage:
    """The matches with one button to follow them all; none when nothing was found, and then
    it says whether TVmaze could not be asked (the list is worth sending again later)."""
    found = sum(1 for match in matches if match.tvmaze_id is not None)
    lines = render.join([match_line(language, match) for match in matches])
    if not found:
        unchecked = any(match.tv_unavailable for match in matches)
        key = "import.unavailable" if unchecked else "import.none_found"
        return BotMessage(render.html(language, key, lines=lines))
    text = render.html(language, "import.confirm", count=found, lines=lines)
    buttons = (
        Button(
            render.label(language, "import.yes", count=found), encode(Action.IMPORT, f"y{nonce}")
        ),
        Button(render.label(language, "import.no"), encode(Action.IMPORT, f"n{nonce}")),
    )
    return BotMessage(text, (buttons,))


def _titles(titles: Sequence[str]) -> render.Markup:
    return render.Markup(", ").join(titles)  # each title escaped


def summary_screen(language: str, summary: ImportSummary) -> BotMessage:
    pieces = [render.fragment(language, "import.summary.followed", count=len(summary.followed))]
    if summary.already:
        pieces.append(
            render.fragment(language, "import.summary.already", count=len(summary.already))
        )
    if summary.not_found:
        pieces.append(
            render.fragment(
                language,
                "import.summary.not_found",
                count=len(summary.not_found),
                titles=_titles(summary.not_found),
            )
        )
    if summary.unavailable:
        pieces.append(
            render.fragment(
                language,
                "import.summary.unavailable",
                count=len(summary.unavailable),
                titles=_titles(summary.unavailable),
            )
        )
    return BotMessage(render.fit(render.join(pieces)))
