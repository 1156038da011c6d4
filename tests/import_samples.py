"""Small export files in the shapes other services write, for the import tests.

TVmaze: its user API's followed shows (`/v1/user/follows/shows?embed=show`), as JSON.
Trakt: a watchlist export, `[{"type": "show", "show": {"title", "year", "ids": {...}}}]`:
Dark Matter by its TVDB/IMDb ids (the test gives TVmaze the same externals), Ballard by its
TVmaze id, Dark Winds by an id TVmaze does not know (so by its title).
TV Time: the GDPR export's `followed_tv_show.csv` (`tv_show_name`, TV Time's own id, dates).
"""

from __future__ import annotations

import json

TVMAZE_JSON = json.dumps(
    [
        {
            "show_id": 27436,
            "marked_at": 1700000000,
            "_embedded": {"show": {"id": 27436, "name": "Money Heist", "premiered": "2017-05-02"}},
        },
        {
            "show_id": 45000,
            "marked_at": 1700000100,
            "_embedded": {"show": {"id": 45000, "name": "Dark Winds", "premiered": "2022-06-12"}},
        },
    ]
).encode()

TRAKT_JSON = json.dumps(
    [
        {
            "rank": 1,
            "listed_at": "2026-01-05T10:00:00.000Z",
            "type": "show",
            "show": {
                "title": "Dark Matter",
                "year": 2024,
                "ids": {
                    "trakt": 1,
                    "slug": "dark-matter-2024",
                    "tvdb": 401000,
                    "imdb": "tt14403402",
                    "tmdb": 7,
                },
            },
        },
        {
            "rank": 2,
            "listed_at": "2026-01-06T10:00:00.000Z",
            "type": "show",
            "show": {"title": "Ballard", "year": 2025, "ids": {"trakt": 3, "tvmaze": 70000}},
        },
        {
            "rank": 3,
            "listed_at": "2026-01-07T10:00:00.000Z",
            "type": "show",
            "show": {"title": "Dark Winds", "year": 2022, "ids": {"trakt": 4, "tvdb": 999}},
        },
    ]
).encode()

TV_TIME_CSV = (
    b"tv_show_id,tv_show_name,created_at,updated_at\n"
    b"121361,Dark,2019-03-02 10:00:00,2019-03-02 10:00:00\n"
    b"327417,Haus des Geldes,2020-04-01 10:00:00,2020-04-01 10:00:00\n"
    b"999999,No Such Show Anywhere,2020-04-01 10:00:00,2020-04-01 10:00:00\n"
)
