"""The closed sets of statuses stored in the database, each stored as its value."""

from __future__ import annotations

from enum import StrEnum


class ChatStatus(StrEnum):
    """Whether the bot can reach a chat."""

    ACTIVE = "active"
    BLOCKED = "blocked"  # a private chat blocked the bot
    LEFT = "left"  # the bot was removed from a group, or the chat is gone


class DeliveryStatus(StrEnum):
    """Where one outbox row is; "sending" rows carry a lease (see `Delivery.lease_until`)."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    CANCELLED = "cancelled"


class BroadcastStatus(StrEnum):
    """An admin broadcast's life: previewed, queued and sending, through, or dropped."""

    DRAFT = "draft"
    RUNNING = "running"
    DONE = "done"
    CANCELLED = "cancelled"


class Audience(StrEnum):
    """Who a broadcast goes to."""

    ALL = "all"
    PRIVATE = "private"
    GROUPS = "groups"


class DeliveryKind(StrEnum):
    """What a push is; sets no behaviour beyond the reminder planner's own rows."""

    NEWS = "news"
    REMINDER = "reminder"
    BROADCAST = "broadcast"
    ALERT = "admin"  # a warning to the bot's administrators (a failing feed)
