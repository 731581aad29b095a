"""Fixtures of the region tests: a real PostgreSQL, with pytest-postgresql's janitor making a database per test.

The server is Debian's `postgresql` package (installed by .ci/run), started once for the session by
`tests.region.pg` (as the `postgres` user when the tests run as root, which initdb refuses and CI does).
pytest-postgresql then does the rest as it would for any existing server: `postgresql_noproc` (its no-process
fixture) makes a template database, and its client factory clones a fresh database from it for each test and drops
it afterwards. Where the package is missing the tests say so in one skip line.
"""

from __future__ import annotations

import pytest
from pytest_postgresql import factories
from pytest_postgresql.executors import NoopExecutor

from tests.region import pg

DATABASE = "askel_region"


@pytest.fixture(scope="session")
def postgresql_server():
    """The running server, described as pytest-postgresql describes an existing one."""
    try:
        with pg.running_server() as server:
            server.createdb(f"{DATABASE}_tmpl")  # the template pytest-postgresql's own template is made from
            yield NoopExecutor(host=server.host, port=server.port, user=server.user, options="", dbname=DATABASE)
    except pg.Unavailable as error:
        pytest.skip(str(error))


postgresql_region = factories.postgresql_noproc(depends_on="postgresql_server")
postgresql_database = factories.postgresql("postgresql_region")


@pytest.fixture
def fresh_postgresql(postgresql_database) -> str:
    """The URL of an empty database of its own for one test (dropped by pytest-postgresql's janitor)."""
    info = postgresql_database.info
    return f"postgresql+psycopg://{info.user}@{info.host}:{info.port}/{info.dbname}"
