import pytest
from telegram import CallbackQuery, Update, User
from telegram.ext import CallbackQueryHandler

from bot.app import build_application
from bot.callback_data import (
    MAX_BYTES,
    SETTINGS_ACTIONS,
    Action,
    BroadcastPress,
    BroadcastVerb,
    CallbackData,
    CardPress,
    PagePress,
    Screen,
    broadcast_data,
    card_data,
    decode,
    encode,
    id_argument,
    page_data,
    parse_broadcast,
    parse_card,
    parse_page,
    parse_series,
    pattern,
)
from bot.config import load_settings
from storage.statuses import Audience


def test_round_trip():
    assert decode(encode(Action.TIMEZONE, "America/Argentina/ComodRivadavia")) == CallbackData(
        Action.TIMEZONE, "America/Argentina/ComodRivadavia"
    )


def test_encode_refuses_what_telegram_would_reject():
    with pytest.raises(ValueError):
        encode(Action.TIMEZONE, "x" * MAX_BYTES)
    with pytest.raises(ValueError):
        encode("nonsense")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "forged",
    [None, "", "garbage", "2|tz|UTC", "1|drop|tables", "1|tz", "1|tz|a|b", "1|tz|" + "ü" * 40],
)
def test_forged_or_stale_data_decodes_to_none(forged):
    assert decode(forged) is None


def test_patterns_match_their_own_actions_only():
    follow = pattern(Action.FOLLOW)
    assert follow.match(encode(Action.FOLLOW, "5"))
    assert not follow.match(encode(Action.UNFOLLOW, "5"))
    assert not follow.match("2" + encode(Action.FOLLOW, "5")[1:])  # another version
    settings = pattern(*SETTINGS_ACTIONS)
    for action in Action:
        assert bool(settings.match(encode(action, "x"))) == (action in SETTINGS_ACTIONS)


@pytest.mark.parametrize("action", list(Action))
def test_the_app_routes_every_action_to_exactly_one_handler(action):
    application = build_application(load_settings(_env_file=None, telegram_bot_token="1:x"))
    data = encode(action, "1")
    patterned = [
        handler
        for handler in application.handlers[0]
        if isinstance(handler, CallbackQueryHandler) and handler.pattern is not None
    ]
    assert len([h for h in patterned if h.check_update(press(data))]) == 1


def press(data: str) -> Update:
    user = User(1, "Fan", is_bot=False)
    return Update(1, callback_query=CallbackQuery("q", user, "chat", data=data))


@pytest.mark.parametrize("audience", list(Audience))
def test_broadcast_audience_round_trip(audience):
    data = decode(broadcast_data(BroadcastVerb.AUDIENCE, 123456, audience))
    assert parse_broadcast(data) == BroadcastPress(BroadcastVerb.AUDIENCE, 123456, audience)


def test_broadcast_confirm_and_cancel_round_trip():
    for verb in (BroadcastVerb.CONFIRM, BroadcastVerb.CANCEL):
        assert parse_broadcast(decode(broadcast_data(verb, 7))) == BroadcastPress(verb, 7)


@pytest.mark.parametrize(
    "argument",
    [
        "",
        "a:1",
        "a:1:everyone",
        "go:x",
        "go:1:all",
        "zz:1",
        "a::all",
        "go:" + "9" * 13,
        "go:" + "9" * 10,
    ],
)
def test_forged_broadcast_presses_parse_to_none(argument):
    assert parse_broadcast(decode(encode(Action.BROADCAST, argument))) is None


def test_broadcast_parser_ignores_other_actions():
    assert parse_broadcast(decode(encode(Action.FOLLOW, "go:1"))) is None


@pytest.mark.parametrize("screen", list(Screen))
def test_page_presses_round_trip_within_64_bytes(screen):
    data = page_data(screen, 9999)
    assert len(data.encode()) <= MAX_BYTES
    assert parse_page(decode(data)) == PagePress(screen, 9999)


@pytest.mark.parametrize("argument", ["", "l", "l:", "l:-1", "l:1.5", "l:10000", "x:1", "l:1:2"])
def test_forged_page_presses_parse_to_none(argument):
    assert parse_page(decode(encode(Action.PAGE, argument))) is None


@pytest.mark.parametrize("action", [Action.CARD, Action.SHARE])
def test_card_presses_round_trip_with_the_largest_ids(action):
    data = card_data(action, 999_999_999, 9999)
    assert len(data.encode()) <= MAX_BYTES
    assert parse_card(decode(data)) == CardPress(999_999_999, 9999)


# Ten digits name no row of an int4 id column, and PostgreSQL would refuse to look one up.
@pytest.mark.parametrize(
    "argument", ["", "12", "12:", ":3", "a:1", "1:b", "1" * 13 + ":0", "1" * 10 + ":0"]
)
def test_forged_card_presses_parse_to_none(argument):
    assert parse_card(decode(encode(Action.CARD, argument))) is None
    assert parse_card(decode(encode(Action.PAGE, "1:0"))) is None  # not a card action


def test_card_data_only_for_card_actions():
    with pytest.raises(ValueError):
        card_data(Action.FOLLOW, 1)


@pytest.mark.parametrize("action", [Action.FOLLOW, Action.SERIES])
def test_an_id_too_long_for_a_stored_row_is_forged(action):
    """A button naming ten digits is forged: no row has such an id, and PostgreSQL refuses
    to compare an int4 column with it."""
    assert id_argument(decode(encode(action, "1" * 9))) == 111_111_111
    assert id_argument(decode(encode(action, "1" * 10))) is None
    assert parse_series(decode(encode(Action.SERIES, "1" * 10 + ":o"))) is None
