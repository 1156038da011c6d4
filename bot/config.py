"""Settings read from the environment and `.env` (the configuration contract in the README)."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Annotated, Literal, Self

from pydantic import (
    AnyHttpUrl,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from bot.digits import is_number

Language = Literal["de", "en"]

DEFAULT_FEED_URLS = (
    "https://www.serienjunkies.de/rss/news.xml",
    "https://www.fernsehserien.de/news/rss",
    "https://tvline.com/feed/",
    "https://deadline.com/v/tv/feed/",
)


# What Telegram accepts as setWebhook's secret_token (sent back in a header on every update).
WEBHOOK_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


@lru_cache(maxsize=1)
def known_timezones() -> frozenset[str]:
    """Every IANA zone name in tzdata's own list.

    Not `zoneinfo.available_timezones()`: that also lists whatever files the system's zone
    directory holds, such as `localtime` (the host's zone, not a place) or `posixrules`.
    """
    return frozenset(resources.files("tzdata").joinpath("zones").read_text().split())


def _split_list(value: object) -> object:
    if isinstance(value, str):
        return [part.strip() for part in value.replace("\n", ",").split(",") if part.strip()]
    return value


class Settings(BaseSettings):
    """Everything the bot reads from its environment."""

    # allow_inf_nan: every float setting is a rate or a period, so `inf` and `nan` are typos.
    model_config = SettingsConfigDict(
        env_file=".env", extra="ignore", frozen=True, allow_inf_nan=False
    )

    telegram_bot_token: SecretStr
    telegram_api_base_url: AnyHttpUrl = AnyHttpUrl("https://api.telegram.org/bot")
    database_url: str = "sqlite+aiosqlite:///data/serienwecker.sqlite3"
    admin_ids: Annotated[tuple[int, ...], NoDecode] = ()
    tvmaze_base_url: AnyHttpUrl = AnyHttpUrl("https://api.tvmaze.com")
    feed_urls: Annotated[tuple[AnyHttpUrl, ...], NoDecode] = tuple(
        AnyHttpUrl(url) for url in DEFAULT_FEED_URLS
    )
    feed_poll_seconds: int = Field(default=600, ge=30)
    reminder_tick_seconds: int = Field(default=60, ge=1)
    catalog_sync_seconds: int = Field(default=21600, ge=60)
    # How often TVmaze's index of all shows is walked again; 0 turns the world catalogue off.
    show_index_sync_seconds: int = Field(default=604800, ge=0)
    default_language: Language = "de"
    default_timezone: str = "Europe/Berlin"
    # Telegram's ceiling, for paid broadcasts; the default is its free limit.
    max_messages_per_second: float = Field(default=30.0, gt=0, le=1000)
    broadcast_progress_seconds: float = Field(default=3.0, gt=0)
    webhook_url: AnyHttpUrl | None = None
    webhook_secret: SecretStr | None = None
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    # Fetch feeds and calendars from loopback/private addresses too (tests, local set-ups).
    allow_private_feeds: bool = False
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["text", "json"] = "text"
    http_port: int | None = Field(default=None, ge=1, le=65535)  # operators' server; None: off
    http_host: str = "127.0.0.1"
    # Where users reach the HTTP server (through a proxy): calendar subscription URLs.
    public_base_url: AnyHttpUrl | None = None

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _parse_admin_ids(cls, value: object) -> object:
        value = _split_list(value)
        if isinstance(value, list):
            for item in value:
                if isinstance(item, str) and not is_number(item.lstrip("-")):
                    raise ValueError(f"not a numeric Telegram user id: {item[:40]!r}")
        return value

    @field_validator("feed_urls", mode="before")
    @classmethod
    def _parse_feed_urls(cls, value: object) -> object:
        return _split_list(value)

    @field_validator("telegram_bot_token")
    @classmethod
    def _token_not_blank(cls, value: SecretStr) -> SecretStr:
        if not value.get_secret_value().strip():
            raise ValueError("is empty")
        return value

    @field_validator("default_timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        if value not in known_timezones():
            raise ValueError(
                f"unknown time zone {value[:60]!r} (use an IANA name like Europe/Berlin)"
            )
        return value

    @field_validator("database_url")
    @classmethod
    def _usable_database_url(cls, value: str) -> str:
        """The async driver, and a URL SQLAlchemy can take apart; the messages never quote it
        (it may hold a password)."""
        if not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError("must start with sqlite+aiosqlite:// or postgresql+asyncpg://")
        try:
            url = make_url(value)
        except (ValueError, ArgumentError):  # e.g. a port that is no number
            raise ValueError(
                "cannot be parsed: expected postgresql+asyncpg://user:password@host:port/name "
                "or sqlite+aiosqlite:///path/to/file.sqlite3"
            ) from None
        if url.get_backend_name() == "sqlite" and any(
            (url.username, url.password, url.host, url.port)
        ):
            raise ValueError(
                "a SQLite URL names a file, not a host: sqlite+aiosqlite:///relative/path or "
                "sqlite+aiosqlite:////absolute/path"
            )
        if url.port is not None and not 1 <= url.port <= 65535:
            raise ValueError(f"port {url.port} is not between 1 and 65535")
        return value

    @model_validator(mode="after")
    def _webhook_is_authenticated(self) -> Self:
        """Without a secret anyone could post forged updates "from" an admin."""
        if self.webhook_url is None:
            return self
        if self.webhook_url.scheme != "https":
            raise ValueError("WEBHOOK_URL must be an https:// URL (Telegram only posts to https)")
        secret = self.webhook_secret.get_secret_value() if self.webhook_secret else ""
        if not WEBHOOK_SECRET.fullmatch(secret):
            raise ValueError(
                "WEBHOOK_SECRET must be set in webhook mode: 1-256 characters of A-Z, a-z, "
                "0-9, _ and -"
            )
        return self

    @property
    def api_base_url(self) -> str:
        """The Bot API base exactly as PTB wants it (it appends the token)."""
        return str(self.telegram_api_base_url)

    @property
    def api_file_url(self) -> str:
        """Where files are downloaded from: Telegram's `/file/bot` beside its `/bot`."""
        base = str(self.telegram_api_base_url)
        head, _, tail = base.rstrip("/").rpartition("/")
        return f"{head}/file/{tail}"

    @property
    def calendar_base_url(self) -> str | None:
        """The base of calendar subscription URLs; None unless the server runs and is public."""
        if self.public_base_url is None or self.http_port is None:
            return None
        return str(self.public_base_url)


class ConfigError(Exception):
    """The configuration cannot be used; the message is one line for the operator."""


def _describe(error: ValidationError) -> str:
    problems = []
    for item in error.errors(include_input=False, include_url=False):
        variable = str(item["loc"][0]).upper() if item["loc"] else ""
        if variable == "TELEGRAM_BOT_TOKEN" and item["type"] == "missing":
            return (
                "TELEGRAM_BOT_TOKEN is not set: put it in .env or the environment "
                "(create a bot and get its token from @BotFather, https://t.me/BotFather)."
            )
        message = str(item["msg"]).removeprefix("Value error, ")
        problems.append(f"{variable}: {message}" if variable else message)
    return "Invalid configuration: " + "; ".join(problems)


def load_settings(**overrides: object) -> Settings:
    """Read the settings; raise ConfigError with a one-line explanation if they are unusable."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        raise ConfigError(_describe(error)) from None
