"""Start Serienwecker: read the settings, build the application, poll or serve a webhook."""

from __future__ import annotations

import asyncio
import signal
import sys

from telegram.error import InvalidToken, NetworkError

from bot.app import build_application
from bot.config import ConfigError, Settings, load_settings
from bot.database import DatabaseUnreachable
from bot.logging_setup import configure_logging
from bot.runner import run_until_stopped


async def run(settings: Settings) -> None:
    """Long polling or the webhook until SIGINT or SIGTERM, then a graceful stop; a token
    Telegram rejects meanwhile stops it too and ends as one rejected at the start."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    application = build_application(settings)
    await run_until_stopped(application, stop)
    if application.bot_data.ops.token_rejected.is_set():
        raise InvalidToken("Telegram rejected the token while the bot ran")


def main() -> int:
    try:
        settings = load_settings()
    except ConfigError as error:
        print(error, file=sys.stderr)
        return 2
    secrets = [settings.telegram_bot_token.get_secret_value()]
    if settings.webhook_secret:
        secrets.append(settings.webhook_secret.get_secret_value())
    configure_logging(settings.log_level, secrets, settings.log_format)
    try:
        asyncio.run(run(settings))
    except InvalidToken:
        print("Telegram rejected TELEGRAM_BOT_TOKEN: check it with @BotFather.", file=sys.stderr)
        return 2
    except ConfigError as error:  # found on opening the database or the HTTP servers
        print(error, file=sys.stderr)
        return 2
    except DatabaseUnreachable as error:  # exit 1: systemd starts it again
        print(error, file=sys.stderr)
        return 1
    except NetworkError as error:
        print(f"Cannot reach the Bot API at {settings.api_base_url}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
