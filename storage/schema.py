"""Every model module, imported for their side effect on `Base.metadata` (Alembic, tests)."""

from storage import delivery_models, models
from storage.models import Base

__all__ = ["Base", "delivery_models", "models"]
