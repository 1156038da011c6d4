"""Serienwecker: a Telegram bot for TV-series fans."""

import os

# Opt in to PTB 22's timedelta-valued durations (e.g. RetryAfter.retry_after); without it,
# reading such a value emits a deprecation warning on every 429.
os.environ.setdefault("PTB_TIMEDELTA", "1")
