"""Alembic environment: always run in code by askel.store.migrate on the vault's own connection."""

from alembic import context

from askel.store import models  # noqa: F401  (registers the tables on Base.metadata)
from askel.store.db import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
context.run_migrations()
