"""Every model module, imported once, so `Base.metadata` is the whole schema (for Alembic)."""

from storage import (
    calendar_models,
    catalog_models,
    chat_ical_models,
    delivery_models,
    known_models,
    models,
    news_models,
)
from storage.models import Base

__all__ = [
    "Base",
    "calendar_models",
    "catalog_models",
    "chat_ical_models",
    "delivery_models",
    "known_models",
    "models",
    "news_models",
]
