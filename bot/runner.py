"""Run the application until a stop is asked for: the same path for run_bot.py and the tests.

PTB calls post_init/post_shutdown only inside its own run_polling, which also owns the event
loop and signals; this mirrors its sequence inside a loop we control.
"""

from __future__ import annotations

import asyncio
import logging

from bot.app import ALLOWED_UPDATES
from bot.context import BotApplication

logger = logging.getLogger(__name__)


async def run_until_stopped(
    application: BotApplication, stop: asyncio.Event, *, poll_timeout: int = 30
) -> None:
    """Poll for updates until `stop` is set, then finish in-flight updates and close."""
    try:
        await application.initialize()  # checks the token with getMe
    except BaseException:
        # Like PTB's run_polling: post_shutdown even so (it closes the bot's HTTP sessions).
        if application.post_shutdown:
            await application.post_shutdown(application)
        raise
    async with application:  # initialized above … shutdown()
        if application.post_init:
            await application.post_init(application)
        try:
            await application.start()
            assert application.updater is not None
            await application.updater.start_polling(
                allowed_updates=ALLOWED_UPDATES, timeout=poll_timeout
            )
            await stop.wait()
            logger.info("stopping")
            await application.updater.stop()
            await application.stop()
        finally:
            if application.post_shutdown:
                await application.post_shutdown(application)
    logger.info("stopped")
