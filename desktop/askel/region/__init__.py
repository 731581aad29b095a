"""The coordinator's side of management by data: pooled regional data sets, reported with disclosure control once.

- `store`: the region store (SQLAlchemy Core, one Alembic history): an encrypted SQLCipher file by default, or
  PostgreSQL (`postgresql+psycopg://…`), the same tables and queries on both;
- `keys`: the coordinator's X25519 key pair (the private key passphrase-protected);
- `importer`: import of sealed data sets (signature, key pinning, idempotent replace, use-log anchors);
- `report`: the pooled tables by unit, method and month, through `askel.export.disclosure.protect`.
"""
