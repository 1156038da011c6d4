import pytest

from bot.callback_data import (
    MAX_BYTES,
    SETTINGS_ACTIONS,
    Action,
    BroadcastPress,
    BroadcastVerb,
    CallbackData,
    broadcast_data,
    decode,
    encode,
    parse_broadcast,
    pattern,
)
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


def test_every_action_has_exactly_one_pattern_in_the_app():
    routed = {Action.DELETE, Action.FOLLOW, Action.UNFOLLOW, Action.BROADCAST, Action.NOT_ABOUT}
    assert routed | set(SETTINGS_ACTIONS) == set(Action)
    assert not routed & set(SETTINGS_ACTIONS)


@pytest.mark.parametrize("audience", list(Audience))
def test_broadcast_audience_round_trip(audience):
    data = decode(broadcast_data(BroadcastVerb.AUDIENCE, 123456, audience))
    assert parse_broadcast(data) == BroadcastPress(BroadcastVerb.AUDIENCE, 123456, audience)


def test_broadcast_confirm_and_cancel_round_trip():
    for verb in (BroadcastVerb.CONFIRM, BroadcastVerb.CANCEL):
        assert parse_broadcast(decode(broadcast_data(verb, 7))) == BroadcastPress(verb, 7)


@pytest.mark.parametrize(
    "argument", ["", "a:1", "a:1:everyone", "go:x", "go:1:all", "zz:1", "a::all", "go:" + "9" * 13]
)
def test_forged_broadcast_presses_parse_to_none(argument):
    assert parse_broadcast(decode(encode(Action.BROADCAST, argument))) is None


def test_broadcast_parser_ignores_other_actions():
    assert parse_broadcast(decode(encode(Action.FOLLOW, "go:1"))) is None
