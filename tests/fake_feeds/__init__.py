"""A local feed server for tests and benches: good feeds and every kind of broken one."""

from tests.fake_feeds.server import FeedServer, Route, rss

__all__ = ["FeedServer", "Route", "rss"]
