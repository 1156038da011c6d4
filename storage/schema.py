"""Every model module, imported once, so `Base.metadata` is the whole schema (for Alembic)."""

from storage import catalog_models, delivery_models, known_models, models, news_models
from storage.models import Base

__all__ = [
    "Base",
    "catalog_models",
    "delivery_models",
    "known_models",
    "models",
    "news_models",
]
