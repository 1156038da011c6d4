"""Start Serienwecker: read the settings, build the application, poll or serve a webhook."""

from __future__ import annotations

import sys

from bot.app import ALLOWED_UPDATES, build_application
from bot.config import ConfigError, load_settings
from bot.logging_setup import configure_logging


def main() -> int:
    try:
        settings = load_settings()
    except ConfigError as error:
        print(error, file=sys.stderr)
        return 2
    secrets = [settings.telegram_bot_token.get_secret_value()]
    if settings.webhook_secret:
        secrets.append(settings.webhook_secret.get_secret_value())
    configure_logging(settings.log_level, secrets)
    application = build_application(settings)
    if settings.webhook_url:
        application.run_webhook(
            listen="0.0.0.0",  # noqa: S104 - the webhook must be reachable from Telegram
            port=settings.webhook_port,
            url_path=settings.webhook_url.path or "",
            webhook_url=str(settings.webhook_url),
            secret_token=(
                settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
            ),
            allowed_updates=ALLOWED_UPDATES,
        )
    else:
        application.run_polling(allowed_updates=ALLOWED_UPDATES)
    return 0


if __name__ == "__main__":
    sys.exit(main())
