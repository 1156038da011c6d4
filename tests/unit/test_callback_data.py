import pytest

from bot.callback_data import MAX_BYTES, CallbackData, decode, encode


def test_round_trip():
    assert decode(encode("tz", "America/Argentina/ComodRivadavia")) == CallbackData(
        "tz", "America/Argentina/ComodRivadavia"
    )


def test_encode_refuses_what_telegram_would_reject():
    with pytest.raises(ValueError):
        encode("tz", "x" * MAX_BYTES)
    with pytest.raises(ValueError):
        encode("nonsense")


@pytest.mark.parametrize(
    "forged",
    [None, "", "garbage", "2|tz|UTC", "1|drop|tables", "1|tz", "1|tz|a|b", "1|tz|" + "ü" * 40],
)
def test_forged_or_stale_data_decodes_to_none(forged):
    assert decode(forged) is None
