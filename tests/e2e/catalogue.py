"""A small TV world for the fake TVmaze: a German-titled hit, three "Dark"s, a streaming show."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tests.fake_tvmaze import FakeTvmaze, episode, show
from tests.fake_tvmaze.shows import aka

MONEY_HEIST, DARK, DARK_MATTER, DARK_WINDS, BALLARD = 27436, 17861, 60000, 45000, 70000


def fill(tvmaze: FakeTvmaze, now: datetime | None = None) -> datetime:
    """Add the shows; episodes are placed relative to `now`. Returns `now`."""
    now = now or datetime.now(UTC).replace(microsecond=0)
    tvmaze.add_show(
        show(MONEY_HEIST, "Money Heist", premiered="2017-05-02", country="ES", language="Spanish"),
        episodes=[
            episode(900, 5, 10, "A Family Tradition", now - timedelta(days=400)),
            episode(901, 6, 1, "El Regreso", now + timedelta(days=3, hours=2)),
        ],
        akas=[aka("La casa de papel", None), aka("Haus des Geldes", "DE")],
    )
    tvmaze.add_show(
        show(DARK, "Dark", premiered="2017-12-01", country="DE", language="German", status="Ended"),
        episodes=[episode(910, 3, 8, "Das Paradies", now - timedelta(days=2000))],
    )
    tvmaze.add_show(
        show(DARK_MATTER, "Dark Matter", premiered="2024-05-08", network="Apple TV+"),
        episodes=[episode(920, 2, 1, "Return", now + timedelta(days=20))],
    )
    tvmaze.add_show(
        show(DARK_WINDS, "Dark Winds", premiered="2022-06-12", network="AMC", web=False),
        episodes=[episode(930, 4, 1, "Ghost Dance", now + timedelta(days=1))],
    )
    tvmaze.add_show(
        show(BALLARD, "Ballard", premiered="2025-07-09", network="Prime Video"),
        episodes=[
            episode(940, 2, 1, "Cold Case", airdate=(now + timedelta(days=5)).date().isoformat())
        ],
    )
    return now
