from tests.fake_tvmaze.server import FakeTvmaze
from tests.fake_tvmaze.shows import episode, show

__all__ = ["FakeTvmaze", "episode", "show"]
