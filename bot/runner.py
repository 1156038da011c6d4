"""Run the application until a stop is asked for: the same path for run_bot.py and the tests.

PTB calls post_init/post_shutdown only inside its own run_polling/run_webhook, which also own
the event loop and signals; this mirrors their sequence inside a loop we control. In webhook
mode the updates arrive through our own HTTP server (bot/ops/webhook.py), which can share its
port with /healthz and /metrics.

A token revoked while the bot runs makes Telegram answer every call with 401: nothing can be
received or sent any more (PTB's polling loop even ends for good), so the bot stops as if
asked to, and `ops.token_rejected` tells the caller why (run_bot.py then exits with 2).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from telegram.error import InvalidToken

from bot.app import ALLOWED_UPDATES
from bot.context import BotApplication

logger = logging.getLogger(__name__)


async def run_until_stopped(
    application: BotApplication, stop: asyncio.Event, *, poll_timeout: int = 30
) -> None:
    """Poll for updates (or take them from the webhook, served since post_init) until `stop`
    is set or Telegram rejects the token, then finish in-flight updates and close."""
    settings = application.bot_data.settings
    rejected = application.bot_data.ops.token_rejected
    try:
        await application.initialize()  # checks the token with getMe
    except BaseException:
        # Like PTB's run_polling: post_shutdown even so (it closes the bot's HTTP sessions).
        if application.post_shutdown:
            await application.post_shutdown(application)
        raise
    async with application:  # initialized above … shutdown()
        try:
            if application.post_init:  # a failure here (a busy port) stops what it started
                await application.post_init(application)
            await application.start()
            assert application.updater is not None
            if settings.webhook_url is not None:
                secret = settings.webhook_secret
                await application.bot.set_webhook(
                    str(settings.webhook_url),
                    allowed_updates=ALLOWED_UPDATES,
                    secret_token=secret.get_secret_value() if secret else None,
                )
            else:
                await application.updater.start_polling(
                    allowed_updates=ALLOWED_UPDATES, timeout=poll_timeout
                )
            await _first_set(stop, rejected)
            if rejected.is_set():
                logger.warning("stopping: Telegram rejected the token")
            else:
                logger.info("stopping")
            # No job starts from now on: JobQueue.stop waits for the running ones but cancels
            # any the scheduler starts meanwhile, halfway through their transactions.
            if application.job_queue is not None:
                application.job_queue.scheduler.pause()
            try:
                if application.updater.running:
                    # A polling loop that ended on a 401 raises it again here; it is known.
                    with contextlib.suppress(InvalidToken):
                        await application.updater.stop()
            finally:  # else `async with` fails too: "This Application is still running!"
                await application.stop()
        finally:
            if application.post_shutdown:
                await application.post_shutdown(application)
    logger.info("stopped")


async def _first_set(*events: asyncio.Event) -> None:
    """Wait until one of `events` is set."""
    waits = [asyncio.create_task(event.wait()) for event in events]
    try:
        await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for wait in waits:
            wait.cancel()
