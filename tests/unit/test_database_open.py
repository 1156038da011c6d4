"""Start-up's answer when the database cannot be opened: whose move it is, in one line."""

import pytest
from sqlalchemy.exc import DBAPIError

from bot.config import ConfigError
from bot.database import DatabaseUnreachable, database_failure, is_lasting, open_database

POSTGRES = "postgresql+asyncpg://serienwecker:pw-secret@db.example:5432/serienwecker"


class PostgresAnswer(Exception):
    def __init__(self, message: str, sqlstate: str) -> None:
        super().__init__(message)
        self.sqlstate = sqlstate


@pytest.mark.parametrize(
    ("backend", "sqlstate", "lasting"),
    [
        ("sqlite", None, True),  # a path or a permission to fix
        ("postgresql", "28P01", True),  # wrong password
        ("postgresql", "28000", True),  # no such role
        ("postgresql", "3D000", True),  # no such database
        ("postgresql", None, False),  # refused, unknown host, timeout
        ("postgresql", "57P03", False),  # the server is starting up
        ("postgresql", "53300", False),  # too many clients
    ],
)
def test_only_what_the_operator_must_fix_is_lasting(backend, sqlstate, lasting):
    assert is_lasting(backend, sqlstate) is lasting


def test_a_server_that_does_not_answer_is_worth_a_retry():
    failure = database_failure(POSTGRES, ConnectionRefusedError(111, "Connect call failed"))
    assert isinstance(failure, DatabaseUnreachable)
    assert str(failure) == (
        "DATABASE_URL: cannot reach the database "
        "postgresql+asyncpg://serienwecker:***@db.example:5432/serienwecker: "
        "[Errno 111] Connect call failed"
    )


def test_a_refused_login_is_a_configuration_error_without_the_password():
    answer = PostgresAnswer('password authentication failed\nfor user "serienwecker"', "28P01")
    failure = database_failure(POSTGRES, DBAPIError("connect", None, answer))
    assert isinstance(failure, ConfigError)
    message = str(failure)
    assert message.endswith(': password authentication failed for user "serienwecker"')
    assert "pw-secret" not in message and "\n" not in message


async def test_a_sqlite_directory_that_cannot_be_made_is_a_configuration_error(tmp_path):
    (tmp_path / "a-file").write_text("not a directory")
    url = f"sqlite+aiosqlite:///{tmp_path}/a-file/db.sqlite3"
    with pytest.raises(ConfigError) as error:
        await open_database(url)
    assert str(error.value).startswith(f"DATABASE_URL: cannot open the database {url}: ")
