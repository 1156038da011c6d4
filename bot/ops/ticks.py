"""Periodic ticks wrapped for operators: timed, marked alive, logged with the job's name."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Coroutine
from typing import Any

from bot.context import BotApplication, BotContext
from bot.log_context import job_context

logger = logging.getLogger(__name__)

Tick = Callable[[BotContext], Coroutine[Any, Any, None]]


def monitored(name: str, tick: Tick) -> Tick:
    """`tick`, recording its duration always and its run only when it finished."""

    async def run(context: BotContext) -> None:
        ops = context.bot_data.ops
        with job_context(name):
            started = time.perf_counter()
            try:
                await tick(context)
            finally:
                seconds = time.perf_counter() - started
                ops.metrics.tick_duration.labels(tick=name).observe(seconds)
            ops.liveness.ran(name)
            logger.debug("tick %s took %.3f s", name, seconds)

    run.__name__ = run.__qualname__ = getattr(tick, "__name__", name)
    return run


def schedule_tick(
    application: BotApplication, name: str, tick: Tick, *, interval: float, first: float
) -> None:
    """Run `tick` every `interval` seconds; /healthz expects it to finish that often."""
    assert application.job_queue is not None
    application.job_queue.run_repeating(
        monitored(name, tick), interval=interval, first=first, name=name
    )
    application.bot_data.ops.liveness.expect(name, interval)
