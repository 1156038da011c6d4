"""What the admin sees of a broadcast and of /stats, as plain values."""

from __future__ import annotations

from collections.abc import Mapping

from bot import render
from bot.callback_data import BroadcastVerb, broadcast_data
from bot.delivery.broadcasts import Progress
from bot.delivery.stats import Stats
from bot.message import BotMessage, Button
from storage.statuses import Audience, ChatStatus, DeliveryStatus

BAR_CELLS = 10


def preview_screen(
    language: str, broadcast_id: int, audience: Audience, sizes: Mapping[Audience, int]
) -> BotMessage:
    """The audience choice with the number of chats in each, then Confirm / Cancel."""
    choices = tuple(
        Button(
            ("✅ " if name == audience else "")
            + render.label(language, f"broadcast.audience.{name}", count=sizes[name]),
            broadcast_data(BroadcastVerb.AUDIENCE, broadcast_id, name),
        )
        for name in Audience
    )
    confirm = broadcast_data(BroadcastVerb.CONFIRM, broadcast_id)
    cancel = broadcast_data(BroadcastVerb.CANCEL, broadcast_id)
    decision = (
        Button(render.label(language, "broadcast.confirm"), confirm),
        Button(render.label(language, "broadcast.cancel"), cancel),
    )
    chosen = render.plain(language, f"broadcast.audience.{audience}", count=sizes[audience])
    return BotMessage(
        render.html(language, "broadcast.preview", audience=chosen), (choices, decision)
    )


def progress_bar(done: int, total: int) -> str:
    filled = BAR_CELLS if total == 0 else BAR_CELLS * done // total
    return "▰" * filled + "▱" * (BAR_CELLS - filled)


def progress_text(language: str, progress: Progress) -> str:
    counts = {
        "id": progress.broadcast_id,
        "sent": progress.sent,
        "failed": progress.failed,
        "blocked": progress.blocked,
        "total": progress.total,
    }
    if progress.done:
        return render.html(language, "broadcast.summary", cancelled=progress.cancelled, **counts)
    finished = progress.total - progress.remaining
    percent = 100 * finished // progress.total if progress.total else 100
    return render.html(
        language, "broadcast.progress", bar=progress_bar(finished, progress.total),
        percent=percent, remaining=progress.remaining, **counts,
    )  # fmt: skip


def stats_text(language: str, stats: Stats, answers: Mapping[str, int]) -> str:
    """/stats: chats, catalogue and news, the outbox, Telegram's answers, the last errors."""
    chats, deliveries, catalogue = stats.chats, stats.deliveries, stats.catalogue
    reported = [
        render.fragment(language, "stats.reported", title=title, count=count)
        for title, count in stats.reported
    ]
    answer_lines = ", ".join(f"{kind} {count}" for kind, count in sorted(answers.items()))
    error_lines = render.join(
        [
            render.fragment(language, "stats.error", at=at.strftime("%Y-%m-%d %H:%M"), text=text)
            for at, text in stats.errors
        ]
    )
    none = render.plain(language, "stats.none")
    return render.html(
        language, "stats.text",
        active=chats.get(ChatStatus.ACTIVE, 0), blocked=chats.get(ChatStatus.BLOCKED, 0),
        left=chats.get(ChatStatus.LEFT, 0),
        private=chats.get("private", 0), groups=chats.get("groups", 0),
        series=catalogue["series"], follows=catalogue["follows"], items=catalogue["items"],
        reports=catalogue["reports"], reported=render.join(reported, ""),
        pending=deliveries.get(DeliveryStatus.PENDING, 0)
        + deliveries.get(DeliveryStatus.SENDING, 0),
        sent=deliveries.get(DeliveryStatus.SENT, 0),
        failed=deliveries.get(DeliveryStatus.FAILED, 0),
        cancelled=deliveries.get(DeliveryStatus.CANCELLED, 0),
        answers=answer_lines or none, errors=error_lines or none,
    )  # fmt: skip
