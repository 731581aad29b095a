"""Alembic environment of the region store: run in code by askel.region.store on the store's own connection."""

from alembic import context

from askel.region.store import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
context.run_migrations()
