"""The outbox sender: rate limits, Telegram's answers, digests and admin broadcasts."""
