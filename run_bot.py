"""Start Serienwecker: read the settings, build the application, poll or serve a webhook."""

from __future__ import annotations

import asyncio
import signal
import sys

from telegram.error import InvalidToken, NetworkError

from bot.app import ALLOWED_UPDATES, build_application
from bot.config import ConfigError, Settings, load_settings
from bot.logging_setup import configure_logging
from bot.runner import run_until_stopped


async def poll(settings: Settings) -> None:
    """Long polling until SIGINT or SIGTERM, then a graceful stop."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    await run_until_stopped(build_application(settings), stop)


def serve_webhook(settings: Settings) -> None:
    """Webhook mode; PTB's run_webhook stops gracefully on SIGINT and SIGTERM."""
    assert settings.webhook_url is not None
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
    build_application(settings).run_webhook(
        listen="0.0.0.0",  # noqa: S104 - Telegram must reach the webhook from outside
        port=settings.webhook_port,
        url_path=settings.webhook_url.path or "",
        webhook_url=str(settings.webhook_url),
        secret_token=secret,
        allowed_updates=ALLOWED_UPDATES,
    )


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
        if settings.webhook_url:
            serve_webhook(settings)
        else:
            asyncio.run(poll(settings))
    except InvalidToken:
        print("Telegram rejected TELEGRAM_BOT_TOKEN: check it with @BotFather.", file=sys.stderr)
        return 2
    except NetworkError as error:
        print(f"Cannot reach the Bot API at {settings.api_base_url}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
