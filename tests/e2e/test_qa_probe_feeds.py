"""QA probes, second round: feeds and their admins, news delivery, broadcasts, TV data.

Each test drives the real bot through the fake Bot API, the fake feed server and the fake
TVmaze. A test marked xfail(strict=True) shows a defect; the reason says what a well-made bot
should do instead. Errors are checked in the test body too (`logged`), so a test says which
step logged them.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from datetime import UTC, datetime, timedelta

import pytest

from tests.e2e import catalogue
from tests.e2e.catalogue import BALLARD
from tests.e2e.conftest import BotRunner
from tests.e2e.helpers import button_data, buttons, press
from tests.e2e.outbox import wait_settled
from tests.e2e.test_news_delivery import item, poll
from tests.fake_feeds import FeedServer, Route, rss
from tests.fake_telegram import FakeTelegram
from tests.fake_tvmaze import FakeTvmaze

ADMIN, FAN, FAN2, FAN3 = 501, 502, 503, 504
RENEWAL = "„Ballard“: Prime Video verlängert die Krimiserie um eine zweite Staffel"


def logged(caplog: pytest.LogCaptureFixture, level: int = logging.ERROR) -> list[str]:
    """What the bot logged at `level` or above so far in this test (then forgotten)."""
    found = [r.getMessage() for r in caplog.records if r.levelno >= level]
    caplog.clear()
    return found


async def ask(fake: FakeTelegram, chat_id: int, text: str, user_id: int | None = None) -> dict:
    count = len(fake.messages(chat_id))
    fake.send_text(chat_id, user_id or chat_id, text)
    return (await fake.wait_for_messages(chat_id, count=count + 1, timeout=40))[-1]


async def settle() -> None:
    await asyncio.sleep(1.5)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def admin_and_fans(
    bot: BotRunner,
    fake: FakeTelegram,
    tvmaze: FakeTvmaze,
    *,
    fans: tuple[int, ...] = (FAN,),
    **settings: object,
) -> None:
    """Restart with ADMIN as bot admin (and these settings); ADMIN has started the bot and
    every fan follows Ballard."""
    catalogue.fill(tvmaze)
    await bot.stop()
    await bot.start(admin_ids=str(ADMIN), **settings)
    fake.add_user(ADMIN, "Ada", language_code="en")
    await ask(fake, ADMIN, "/start")
    for fan in fans:
        fake.add_user(fan, f"Fan {fan}", language_code="de")
        fake.send_text(fan, fan, f"/start follow_{BALLARD}")
        await fake.wait_for_messages(fan, count=2)


# -- /feeds, /addfeed: what the admin sees ---------------------------------------------------


async def test_feeds_list_of_thirty_feeds_reaches_the_admin(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer,
    caplog: pytest.LogCaptureFixture,
):  # fmt: skip
    urls = [feeds.url(f"/rss/section-{i:02d}/serien-und-tv-news.xml") for i in range(30)]
    for i in range(30):
        feeds.routes[f"/rss/section-{i:02d}/serien-und-tv-news.xml"] = Route(
            rss([item(f"s{i}", f"Meldung {i}")], title=f"TV-Portal Rubrik {i:02d}")
        )
    await admin_and_fans(bot, fake, tvmaze, fans=(), feed_urls=",".join(urls))
    await poll(bot)
    caplog.clear()
    fake.send_text(ADMIN, ADMIN, "/feeds")
    await settle()
    await asyncio.sleep(1.5)
    replies = [m for m in fake.messages(ADMIN) if "News feeds" in m["visible"]]
    errors = logged(caplog)
    assert replies, f"no /feeds reply; Telegram said: {fake.errors[-1:]}; logged: {errors[:1]}"
    # One message that pages: ▶ leads on until every feed has been shown.
    [page] = replies
    pages = [page]
    while "More ▶" in buttons(pages[-1]) and len(pages) <= 30:
        pages.append(await press(fake, ADMIN, pages[-1], "More", ADMIN))
    assert all(len(m["visible"]) <= 4096 for m in pages)
    shown = "\n".join(m["visible"] for m in pages)
    assert logged(caplog) == [] and errors == []
    missing = [i for i in range(30) if f"#{i + 1} TV-Portal Rubrik {i:02d} " not in shown]
    assert missing == [], missing


async def test_dead_feeds_are_warnings_a_clear_status_and_one_notice_to_admins(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer,
    caplog: pytest.LogCaptureFixture,
):  # fmt: skip
    refused = f"http://127.0.0.1:{closed_port()}/feed.xml"
    feeds.routes["/500.xml"] = Route(b"oops", status=500, content_type="text/plain")
    feeds.routes["/loop.xml"] = Route(redirect_to="/loop.xml")
    feeds.routes["/html.xml"] = Route(b"<html><body><p>Wartung</p></body></html>",
                                      content_type="text/html")  # fmt: skip
    feeds.routes["/broken.xml"] = Route(b'<?xml version="1.0"?><rss><channel><item><title>x')
    urls = [refused, feeds.url("/500.xml"), feeds.url("/loop.xml"), feeds.url("/html.xml"),
            feeds.url("/404.xml")]  # fmt: skip
    await admin_and_fans(bot, fake, tvmaze, fans=(), feed_urls=",".join(urls))
    for _ in range(5):
        await poll(bot)
    # Every admin notice sent (the admin's chat takes one message a second; a fixed wait was
    # too short on a slow machine).
    await wait_settled(bot, len(urls))
    warnings = logged(caplog, logging.WARNING)
    assert not [w for w in warnings if "Traceback" in w or "broke its poll" in w], warnings
    assert sum("failed" in w for w in warnings) >= 25
    # The sender folds the plain notices into one message; each feed is named once.
    notices = "\n".join(m["visible"] for m in fake.messages(ADMIN)[1:])
    for url, reason in zip(urls, ["ConnectError", "HTTP 500", "more than 5 redirects",
                                  "not a feed", "HTTP 404"], strict=True):  # fmt: skip
        assert notices.count(url) == 1 and reason in notices, (url, notices)
    # One notice per streak: a sixth failure says nothing new.
    count = len(fake.messages(ADMIN))
    await poll(bot)
    await settle()
    assert len(fake.messages(ADMIN)) == count
    listing = await ask(fake, ADMIN, "/feeds")
    assert listing["visible"].count("⚠️") == 5 and "errors in a row: 6" in listing["visible"]
    assert logged(caplog) == []


async def test_addfeed_gives_a_clear_reason_for_every_broken_address(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer,
    caplog: pytest.LogCaptureFixture,
):  # fmt: skip
    feeds.routes["/loop.xml"] = Route(redirect_to="/loop.xml")
    feeds.routes["/500.xml"] = Route(b"oops", status=500, content_type="text/plain")
    feeds.routes["/empty.xml"] = Route(b"")
    feeds.routes["/huge.xml"] = Route(endless_bytes=6 * 1024 * 1024)
    feeds.routes["/json"] = Route(b'{"items": []}', content_type="application/json")
    await admin_and_fans(bot, fake, tvmaze, fans=())
    cases = {
        f"http://127.0.0.1:{closed_port()}/feed.xml": "ConnectError",
        feeds.url("/loop.xml"): "more than 5 redirects",
        feeds.url("/500.xml"): "HTTP 500",
        feeds.url("/empty.xml"): "not a feed",
        feeds.url("/huge.xml"): "over",
        feeds.url("/json"): "not a feed",
        "https://exa mple.com/feed": "",
        "javascript:alert(1)": "not an http(s) address",
    }
    for url, reason in cases.items():
        answer = await ask(fake, ADMIN, f"/addfeed {url}")
        assert reason in answer["visible"], (url, answer["visible"])
        assert "Added" not in answer["visible"], (url, answer["visible"])
    assert "No feeds yet" in (await ask(fake, ADMIN, "/feeds"))["visible"]
    assert logged(caplog) == []


async def test_addfeed_refuses_private_addresses_when_they_are_not_allowed(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer,
    caplog: pytest.LogCaptureFixture,
):  # fmt: skip
    feeds.routes["/feed.xml"] = Route(rss([item("p1", "Hallo Welt hier")]))
    await admin_and_fans(bot, fake, tvmaze, fans=(), allow_private_feeds=False)
    port = feeds.base_url.rsplit(":", 1)[1]
    for host in ("127.0.0.1", "localhost", "[::ffff:127.0.0.1]", "2130706433", "127.1"):
        answer = await ask(fake, ADMIN, f"/addfeed http://{host}:{port}/feed.xml")
        assert "I did not add" in answer["visible"], (host, answer["visible"])
    assert feeds.hits["/feed.xml"] == 0
    assert logged(caplog) == []


async def test_feed_credentials_stay_out_of_the_logs(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer,
    caplog: pytest.LogCaptureFixture,
):  # fmt: skip
    feeds.routes["/private.xml"] = Route(rss([item("c1", "Hallo Welt hier")]))
    await admin_and_fans(bot, fake, tvmaze, fans=())
    url = feeds.url("/private.xml").replace("http://", "http://reader:Sup3rS3cret@")
    added = await ask(fake, ADMIN, f"/addfeed {url}")
    assert "Added feed #1" in added["visible"], added["visible"]
    feeds.routes["/private.xml"] = Route(b"down", status=503, content_type="text/plain")
    await poll(bot)
    lines = [r.getMessage() for r in caplog.records]
    assert any("failed" in line for line in lines)
    assert not [line for line in lines if "Sup3rS3cret" in line]


async def test_failing_feed_notice_speaks_the_admins_language(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer,
    caplog: pytest.LogCaptureFixture,
):  # fmt: skip
    feeds.routes["/500.xml"] = Route(b"oops", status=500, content_type="text/plain")
    await admin_and_fans(bot, fake, tvmaze, fans=(), feed_urls=feeds.url("/500.xml"))
    assert fake.messages(ADMIN)[0]["visible"].startswith("Hi Ada")  # English to English
    for _ in range(5):
        await poll(bot)
    [_, notice] = await fake.wait_for_messages(ADMIN, count=2)
    assert "has failed 5 times in a row" in notice["visible"], notice["visible"]


# -- feed items: what the fan gets -----------------------------------------------------------


async def test_hostile_item_texts_reach_the_fan_escaped_and_short(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer,
    caplog: pytest.LogCaptureFixture,
):  # fmt: skip
    feeds.routes["/f.xml"] = Route(rss([], title="Serien <&> News"))
    await admin_and_fans(bot, fake, tvmaze, feed_urls=feeds.url("/f.xml"))
    await poll(bot)
    long_tail = " 🎬 מסלסל חדש مسلسل جديد" * 250  # emoji and right-to-left text, ~6,000 chars
    raw = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>Serien &lt;&amp;&gt; News</title>"
        "<item><title><![CDATA[<b>„Ballard“</b> verlängert: Staffel 2 & mehr <3 &amp;"
        f"{long_tail}]]></title>"
        "<description><![CDATA[<p onclick='x'>Prime Video hat <i>Ballard</i> verlängert."
        "</p><script>alert(1)</script>]]></description>"
        "</item></channel></rss>"  # no link, no guid, no date
    )
    feeds.routes["/f.xml"] = Route(raw.encode())
    await poll(bot)
    [*_, news] = await fake.wait_for_messages(FAN, count=3)
    assert len(news["visible"]) <= 4096
    assert "Ballard" in news["visible"] and "<b>" not in news["visible"]
    assert "& mehr <3 &" in news["visible"] and "alert(1)" not in news["visible"]
    assert "Serien <&> News" in news["visible"]
    assert "href" not in news["text"]  # no link in the item: none invented
    assert logged(caplog) == []


async def test_atom_entry_with_a_relative_link_is_linked(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer,
    caplog: pytest.LogCaptureFixture,
):  # fmt: skip
    def atom(entries: str) -> bytes:
        return (
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>Atom-Serien</title><id>urn:x</id><updated>2026-01-01T00:00:00Z</updated>"
            f"{entries}</feed>"
        ).encode()

    feeds.routes["/atom.xml"] = Route(atom(""), content_type="application/atom+xml")
    await admin_and_fans(bot, fake, tvmaze, feed_urls=feeds.url("/atom.xml"))
    await poll(bot)
    stamp = (datetime.now(UTC) - timedelta(minutes=5)).strftime("%Y-%m-%dT%H:%M:%SZ")
    feeds.routes["/atom.xml"] = Route(
        atom(
            f"<entry><id>urn:a1</id><title>{RENEWAL}</title><updated>{stamp}</updated>"
            '<link rel="alternate" href="/artikel/ballard-staffel-2"/></entry>'
        ),
        content_type="application/atom+xml",
    )
    await poll(bot)
    [*_, news] = await fake.wait_for_messages(FAN, count=3)
    assert "Ballard" in news["visible"]
    assert f'href="{feeds.url("/artikel/ballard-staffel-2")}"' in news["text"], news["text"]


async def test_a_relative_link_resolves_where_a_redirected_feed_now_lives(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer,
    caplog: pytest.LogCaptureFixture,
):  # fmt: skip
    """The feed moved (/alt/feed.xml → /serien/feed.xml): "artikel/…" lives beside the new one."""
    feeds.routes["/alt/feed.xml"] = Route(redirect_to="/serien/feed.xml")
    feeds.routes["/serien/feed.xml"] = Route(rss([]))
    await admin_and_fans(bot, fake, tvmaze, feed_urls=feeds.url("/alt/feed.xml"))
    await poll(bot)
    moved = item("urn:b1", RENEWAL) | {"link": "artikel/ballard-staffel-2"}
    feeds.routes["/serien/feed.xml"] = Route(rss([moved]))
    await poll(bot)
    [*_, news] = await fake.wait_for_messages(FAN, count=3)
    assert f'href="{feeds.url("/serien/artikel/ballard-staffel-2")}"' in news["text"], news["text"]
    assert logged(caplog) == []


async def test_one_story_twice_in_one_poll_under_two_guids_is_one_message(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer,
    caplog: pytest.LogCaptureFixture,
):  # fmt: skip
    feeds.routes["/f.xml"] = Route(rss([]))
    await admin_and_fans(bot, fake, tvmaze, feed_urls=feeds.url("/f.xml"))
    await poll(bot)
    feeds.routes["/f.xml"] = Route(
        rss([item("https://x.test/?p=1", RENEWAL, minutes_ago=6),
             item("https://x.test/ballard-verlaengert", RENEWAL, minutes_ago=5)])
    )  # fmt: skip
    await poll(bot)
    await fake.wait_for_messages(FAN, count=3)
    await poll(bot)
    await settle()
    assert len(fake.messages(FAN)) == 3
    assert logged(caplog) == []


async def test_item_dated_in_the_future_is_not_shown_as_news_from_the_future(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer,
    caplog: pytest.LogCaptureFixture,
):  # fmt: skip
    feeds.routes["/f.xml"] = Route(rss([]))
    await admin_and_fans(bot, fake, tvmaze, feed_urls=feeds.url("/f.xml"))
    await poll(bot)
    future = item("f1", RENEWAL)
    future["pubDate"] = datetime(2099, 1, 1, 12, 0, tzinfo=UTC)
    feeds.routes["/f.xml"] = Route(rss([future]))
    await poll(bot)
    [*_, news] = await fake.wait_for_messages(FAN, count=3)
    later = "„Ballard“ bekommt einen Starttermin für die zweite Staffel im Herbst"
    # Dated after the 2099 item's fetch, which is its date now (a minute ahead of our clock:
    # within the allowed skew, so kept); an item dated before that fetch rightly ranks below it.
    feeds.routes["/f.xml"] = Route(rss([future, item("f2", later, minutes_ago=-1)]))
    await poll(bot)
    await fake.wait_for_messages(FAN, count=4)
    listing = await ask(fake, FAN, "/news")
    assert "2099" not in news["visible"], news["visible"]
    assert listing["visible"].index("Starttermin") < listing["visible"].index("zweite Staffel")


async def test_removing_a_feed_while_it_is_polled_loses_nothing_else(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer,
    caplog: pytest.LogCaptureFixture,
):  # fmt: skip
    feeds.routes["/slow.xml"] = Route(rss([]))
    feeds.routes["/ok.xml"] = Route(rss([]))
    await admin_and_fans(
        bot, fake, tvmaze, feed_urls=f"{feeds.url('/slow.xml')},{feeds.url('/ok.xml')}"
    )
    await poll(bot)
    body = rss([item("s1", RENEWAL)])
    feeds.routes["/slow.xml"] = Route(body, trickle_seconds=2.0 / len(body))
    feeds.routes["/ok.xml"] = Route(rss([item("o1", "„Ballard“ dreht schon die zweite Staffel")]))
    polling = asyncio.create_task(poll(bot))
    await fake.wait(lambda: feeds.hits["/slow.xml"] >= 2 or None, 5, "the slow fetch")
    removed = await ask(fake, ADMIN, "/removefeed 1")
    assert "Removed feed #1" in removed["visible"]
    await polling
    await settle()
    news = [m["visible"] for m in fake.messages(FAN)[2:]]
    assert len(news) == 1 and "dreht" in news[0], news
    listing = await ask(fake, ADMIN, "/feeds")
    assert "#1 " not in listing["visible"] and "#2 " in listing["visible"]
    assert logged(caplog) == []


async def test_news_reaches_the_other_fans_past_a_blocked_one_and_a_429(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer,
    caplog: pytest.LogCaptureFixture,
):  # fmt: skip
    feeds.routes["/f.xml"] = Route(rss([]))
    await admin_and_fans(bot, fake, tvmaze, fans=(FAN, FAN2, FAN3), feed_urls=feeds.url("/f.xml"))
    await poll(bot)
    fake.block(FAN2)
    fake.fail_next("sendMessage", 429, "Too Many Requests: retry after 1")
    feeds.routes["/f.xml"] = Route(rss([item("n1", RENEWAL)]))
    await poll(bot)
    for fan in (FAN, FAN3):
        [*_, news] = await fake.wait_for_messages(fan, count=3, timeout=10)
        assert "Ballard" in news["visible"]
    await settle()
    assert len(fake.messages(FAN2)) == 2
    assert logged(caplog) == []


async def test_muted_series_and_unwanted_kind_get_no_news(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer,
    caplog: pytest.LogCaptureFixture,
):  # fmt: skip
    feeds.routes["/f.xml"] = Route(rss([]))
    await admin_and_fans(bot, fake, tvmaze, fans=(FAN, FAN2, FAN3), feed_urls=feeds.url("/f.xml"))
    await poll(bot)
    # FAN2 mutes Ballard on its card; FAN3 switches renewals off in /settings.
    fake.send_text(FAN2, FAN2, "/list")
    [*_, listing] = await fake.wait_for_messages(FAN2, count=3)
    card = await press(fake, FAN2, listing, "Ballard", FAN2)
    screen = await press(fake, FAN2, card, "Einstellungen", FAN2)
    await press(fake, FAN2, screen, "🔇", FAN2)
    menu = await ask(fake, FAN3, "/settings")
    kinds = await press(fake, FAN3, menu, "News-Arten", FAN3)
    await press(fake, FAN3, kinds, "Verlängerungen", FAN3)
    feeds.routes["/f.xml"] = Route(rss([item("m1", RENEWAL)]))
    await poll(bot)
    await fake.wait_for_messages(FAN, count=3)
    await settle()
    assert len(fake.messages(FAN2)) == 3 and len(fake.messages(FAN3)) == 3
    assert logged(caplog) == []


# -- broadcasts ------------------------------------------------------------------------------


async def broadcast_preview(fake: FakeTelegram, send) -> dict:
    """/broadcast, then `send()` the announcement; returns the audience screen."""
    await ask(fake, ADMIN, "/broadcast")
    count = len(fake.messages(ADMIN))
    send()
    *_, screen = await fake.wait_for_messages(ADMIN, count=count + 2)
    assert "Send" in str(buttons(screen)), screen["visible"]
    return screen


async def test_document_broadcast_pressed_twice_reaches_everyone_once(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, caplog: pytest.LogCaptureFixture
):
    await admin_and_fans(bot, fake, tvmaze, fans=(FAN, FAN2))
    caption = "<b>Nicht fett</b> *kein Markdown* & Neues im Sender"
    screen = await broadcast_preview(
        fake, lambda: fake.send_document(ADMIN, ADMIN, "programm.pdf", b"%PDF-1.4 x",
                                         mime_type="application/pdf", caption=caption)
    )  # fmt: skip
    send = button_data(screen, "Send")
    first = fake.press_button(ADMIN, screen["message_id"], send, ADMIN)
    second = fake.press_button(ADMIN, screen["message_id"], send, ADMIN, check=False)
    assert not (await fake.wait_for_callback_answer(first)).get("show_alert")
    assert (await fake.wait_for_callback_answer(second)).get("show_alert") is True
    for fan in (FAN, FAN2):
        [*_, copy] = await fake.wait_for_messages(fan, count=3, timeout=10)
        assert copy["document"]["file_name"] == "programm.pdf" and copy["visible"] == caption
    await settle()
    assert [len(fake.messages(fan)) for fan in (FAN, FAN2)] == [3, 3]
    assert logged(caplog) == []


async def test_broadcast_cancelled_at_preview_sends_nothing_even_on_a_late_send(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, caplog: pytest.LogCaptureFixture
):
    await admin_and_fans(bot, fake, tvmaze, fans=(FAN,))
    text = "x" * 4000 + " <i>&amp;</i>"
    screen = await broadcast_preview(fake, lambda: fake.send_text(ADMIN, ADMIN, text))
    send = button_data(screen, "Send")
    await press(fake, ADMIN, screen, "Cancel", ADMIN)
    late = fake.press_button(ADMIN, screen["message_id"], send, ADMIN, check=False)
    assert (await fake.wait_for_callback_answer(late)).get("show_alert") is True
    await settle()
    assert len(fake.messages(FAN)) == 2
    assert logged(caplog) == []


# -- TV data -----------------------------------------------------------------------------------


async def test_odd_episode_data_and_a_failing_tvmaze_break_no_command(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, caplog: pytest.LogCaptureFixture
):
    await admin_and_fans(bot, fake, tvmaze, fans=(FAN,))
    soon = datetime.now(UTC) + timedelta(days=1)
    odd = [
        {"id": 9901, "name": "No stamp", "season": 2, "number": 2, "airdate": "",
         "airtime": "", "airstamp": None, "runtime": None},
        {"id": 9902, "name": None, "season": None, "number": None, "airdate": None,
         "airtime": None, "airstamp": None},
        {"id": 9903, "name": "Odd stamp", "season": 2, "number": 3, "airdate": "2026-13-45",
         "airtime": "25:61", "airstamp": "not a date"},
        {"id": 9904, "name": "<b>Fine</b> & dandy", "season": 2, "number": 4,
         "airdate": soon.date().isoformat(), "airtime": soon.strftime("%H:%M"),
         "airstamp": soon.isoformat(), "runtime": 50},
    ]  # fmt: skip
    tvmaze.episodes[BALLARD] = odd
    tvmaze.shows[BALLARD]["updated"] += 1
    await bot.run_job("catalog-sync")
    tvmaze.shows[BALLARD]["updated"] += 1
    tvmaze.fail_next(500, times=3)
    await bot.run_job("catalog-sync")
    tvmaze.shows[BALLARD]["updated"] += 1
    tvmaze.fail_next(429, times=3, retry_after="1")
    await bot.run_job("catalog-sync")
    for command in ("/next", "/list", "/calendar"):
        reply = await ask(fake, FAN, command)
        assert "schiefgegangen" not in reply["visible"], (command, reply["visible"])
    next_reply = [m for m in fake.messages(FAN) if "Fine" in (m["visible"] or "")]
    assert next_reply, [m["visible"] for m in fake.messages(FAN)]
    assert logged(caplog) == []


async def test_addfeed_knows_a_feed_spelt_another_way(
    bot: BotRunner, fake: FakeTelegram, tvmaze: FakeTvmaze, feeds: FeedServer,
    caplog: pytest.LogCaptureFixture,
):  # fmt: skip
    feeds.routes["/feed.xml"] = Route(rss([item("a", "Meldung")], title="TV-Portal"))
    await admin_and_fans(bot, fake, tvmaze, fans=())
    added = await ask(fake, ADMIN, "/addfeed " + feeds.url("/feed.xml"))
    assert "Added" in added["visible"], added["visible"]
    shouted = feeds.url("/feed.xml#latest").replace("http://127.0.0.1", "HTTP://127.0.0.1")
    again = await ask(fake, ADMIN, f"/addfeed {shouted}")
    assert "Added" not in again["visible"] and "#1" in again["visible"], again["visible"]
    assert "#2" not in (await ask(fake, ADMIN, "/feeds"))["visible"]
    assert logged(caplog) == []
