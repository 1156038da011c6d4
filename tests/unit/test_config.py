import pytest

from bot.app import build_application
from bot.config import ConfigError, load_settings


def settings(**values):
    return load_settings(_env_file=None, **values)


def test_missing_token_gets_one_line_pointing_to_botfather(monkeypatch):
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    with pytest.raises(ConfigError) as error:
        settings()
    message = str(error.value)
    assert "TELEGRAM_BOT_TOKEN" in message and "@BotFather" in message
    assert "\n" not in message


def test_defaults_follow_the_contract():
    s = settings(telegram_bot_token="123:abc")
    assert s.database_url == "sqlite+aiosqlite:///data/serienwecker.sqlite3"
    assert s.api_base_url == "https://api.telegram.org/bot"
    assert (s.default_language, s.default_timezone) == ("de", "Europe/Berlin")
    assert s.feed_poll_seconds == 600 and s.max_messages_per_second == 30
    assert s.admin_ids == () and len(s.feed_urls) >= 2
    assert (s.http_port, s.http_host, s.log_format) == (None, "127.0.0.1", "text")


def test_lists_are_read_from_comma_separated_env(monkeypatch):
    monkeypatch.setenv("ADMIN_IDS", "11, 22,33")
    monkeypatch.setenv("FEED_URLS", "http://127.0.0.1:1/a.xml,http://127.0.0.1:1/b.xml")
    s = settings(telegram_bot_token="123:abc")
    assert s.admin_ids == (11, 22, 33)
    assert [str(url) for url in s.feed_urls] == [
        "http://127.0.0.1:1/a.xml",
        "http://127.0.0.1:1/b.xml",
    ]


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("default_timezone", "Mars/Olympus"),
        ("admin_ids", "12,abc"),
        ("tvmaze_base_url", "not a url"),
        ("telegram_api_base_url", "ftp://example"),
        ("database_url", "mysql://x"),
        ("default_language", "fr"),
        ("max_messages_per_second", "0"),
        ("http_port", "70000"),
        ("log_format", "xml"),
    ],
)
def test_invalid_value_names_its_variable(variable, value):
    with pytest.raises(ConfigError) as error:
        settings(telegram_bot_token="123:abc", **{variable: value})
    assert variable.upper() in str(error.value)


def test_errors_never_echo_the_token():
    token = "987654321:SECRETSECRETSECRET"
    with pytest.raises(ConfigError) as error:
        settings(telegram_bot_token=token, default_timezone="Nowhere/Land")
    assert token not in str(error.value)


def test_the_show_index_sync_is_weekly_by_default_and_0_turns_it_off(monkeypatch):
    assert settings(telegram_bot_token="123:abc").show_index_sync_seconds == 604800
    monkeypatch.setenv("SHOW_INDEX_SYNC_SECONDS", "0")
    off = settings(telegram_bot_token="123:abc")
    on = settings(telegram_bot_token="123:abc", show_index_sync_seconds=86400)
    assert build_application(off).job_queue.get_jobs_by_name("show-index") == ()
    assert len(build_application(on).job_queue.get_jobs_by_name("show-index")) == 1
    with pytest.raises(ConfigError, match="SHOW_INDEX_SYNC_SECONDS"):
        settings(telegram_bot_token="123:abc", show_index_sync_seconds=-1)


@pytest.mark.parametrize("zone", ["localtime", "posixrules", "Europe/../etc/passwd"])
def test_only_zones_in_tzdatas_list_are_accepted(zone):
    with pytest.raises(ConfigError):
        settings(telegram_bot_token="123:abc", default_timezone=zone)
    assert settings(telegram_bot_token="123:abc", default_timezone="Asia/Tokyo")


@pytest.mark.parametrize(
    ("url", "secret"),
    [
        ("https://bot.example.org/hook", None),
        ("https://bot.example.org/hook", ""),
        ("https://bot.example.org/hook", "has space"),
        ("https://bot.example.org/hook", "x" * 257),
        ("https://bot.example.org/hook", "sécret"),
        ("http://bot.example.org/hook", "s3cret-value"),
    ],
)
def test_webhook_mode_needs_a_valid_secret_and_https(url, secret):
    values = {"webhook_url": url} | ({} if secret is None else {"webhook_secret": secret})
    with pytest.raises(ConfigError) as error:
        settings(telegram_bot_token="123:abc", **values)
    assert "WEBHOOK_" in str(error.value) and "\n" not in str(error.value)
    if secret:
        assert secret not in str(error.value)


def test_webhook_mode_with_a_good_secret_starts():
    s = settings(
        telegram_bot_token="123:abc",
        webhook_url="https://bot.example.org/hook",
        webhook_secret="A-z_0-9" * 36 + "abcd",
    )
    assert len(s.webhook_secret.get_secret_value()) == 256


def test_file_downloads_go_beside_the_api_base():
    assert settings(telegram_bot_token="1:a").api_file_url == "https://api.telegram.org/file/bot"
    local = settings(telegram_bot_token="1:a", telegram_api_base_url="http://127.0.0.1:81/bot")
    assert local.api_file_url == "http://127.0.0.1:81/file/bot"


def test_calendar_subscriptions_need_both_public_url_and_http_port():
    base = "https://bot.example.org/sw/"
    assert settings(telegram_bot_token="1:a").calendar_base_url is None
    assert settings(telegram_bot_token="1:a", public_base_url=base).calendar_base_url is None
    assert settings(telegram_bot_token="1:a", http_port=9090).calendar_base_url is None
    both = settings(telegram_bot_token="1:a", public_base_url=base, http_port=9090)
    assert both.calendar_base_url == base


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "Infinity"])
@pytest.mark.parametrize("variable", ["max_messages_per_second", "broadcast_progress_seconds"])
def test_float_settings_must_be_finite(variable, value):
    with pytest.raises(ConfigError, match=variable.upper()):
        settings(telegram_bot_token="123:abc", **{variable: value})


def test_the_message_budget_stops_at_telegrams_ceiling():
    assert settings(telegram_bot_token="1:a", max_messages_per_second=1000)
    with pytest.raises(ConfigError, match="MAX_MESSAGES_PER_SECOND"):
        settings(telegram_bot_token="1:a", max_messages_per_second=1e300)


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("sqlite+aiosqlite://user@host:port/x.sqlite3", "cannot be parsed"),
        ("postgresql+asyncpg://u:pw-secret@[::1/x", "cannot be parsed"),
        ("sqlite+aiosqlite://host/x.sqlite3", "not a host"),
        ("sqlite+aiosqlite://u:pw-secret@/x.sqlite3", "not a host"),
        ("postgresql+asyncpg://u:pw-secret@db:99999/x", "port 99999"),
    ],
)
def test_a_garbled_database_url_is_named_without_its_password(url, says):
    with pytest.raises(ConfigError, match=says) as error:
        settings(telegram_bot_token="123:abc", database_url=url)
    message = str(error.value)
    assert "DATABASE_URL" in message and "pw-secret" not in message and "\n" not in message


@pytest.mark.parametrize(
    "url",
    [
        "sqlite+aiosqlite:///data/serienwecker.sqlite3",
        "sqlite+aiosqlite:////var/lib/serienwecker/serienwecker.sqlite3",
        "sqlite+aiosqlite://",
        "postgresql+asyncpg://serienwecker@db/serienwecker",
        "postgresql+asyncpg://u:p%40ss@127.0.0.1:5432/h_c",
        "postgresql+asyncpg:///serienwecker?host=/run/postgresql",
    ],
)
def test_usable_database_urls_pass(url):
    assert settings(telegram_bot_token="123:abc", database_url=url).database_url == url
