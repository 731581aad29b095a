"""The region store at scale: import and report for 100 000 and 1 000 000 course records from 500 installations,
embedded (SQLCipher) and PostgreSQL side by side, in one run (part of `make bench`; alone: `make bench-region`).

    python -m tests.bench.region [--sizes 100000,1000000] [--installations 500] [--reports 3]

The data sets are made directly with realistic distributions (`tests.region.synthetic`), signed and encrypted as
an installation would, then imported through `askel.region.importer.import_file` file by file, and the pooled
summary is refreshed after the last file (as `askel region import` does; each import already keeps it up to date).
The report is `regional_report` over the year 2025, timed as the median of `--reports` runs. Targets (issue 13):
the report of a year of 1 000 000 records under 2 s on PostgreSQL, the embedded store within 3x of PostgreSQL.

PostgreSQL is Debian's package started for the run (tests/region/pg.py), with its default settings apart from
`fsync=off` (what is measured is the work, not this machine's disk); the embedded store is written with the same
SQLCipher settings as a vault (WAL, synchronous=FULL).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from askel.export.crypto import generate_keypair, load_private_key
from askel.export.disclosure import Period
from askel.region.importer import import_file
from askel.region.report import regional_report
from askel.region.store import open_store
from askel.region.summary import refresh
from tests.region import pg
from tests.region.synthetic import data_sets, sealed

DEFAULT_SIZES = (100_000, 1_000_000)
YEAR = Period.of("year", 2025)


def log(text: str) -> None:
    print(f"[bench region {time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def measure_store(store, files: list[bytes], private_key, reports: int) -> dict:
    began = time.perf_counter()
    for data in files:
        import_file(store, data, private_key)
    imported = time.perf_counter() - began
    began = time.perf_counter()
    refresh(store)
    summed = time.perf_counter() - began
    times = []
    for _ in range(reports):
        gc.collect()
        began = time.perf_counter()
        report = regional_report(store, YEAR)
        times.append(time.perf_counter() - began)
    started = report.table("courses").cell("started", "count").value
    return {"import": imported, "summary": summed, "report": statistics.median(times), "started": started}


def run(sizes: list[int], installations: int, reports: int, root: Path) -> dict:
    pem, public = generate_keypair()
    private_key = load_private_key(pem)
    results: dict[int, dict] = {}
    with contextlib.ExitStack() as stack:
        try:
            server = stack.enter_context(pg.running_server())
        except pg.Unavailable as error:
            log(f"no PostgreSQL: {error}")
            server = None
        for size in sizes:
            log(f"{size} records: making {installations} data sets")
            began = time.perf_counter()
            files = [sealed(data_set, public) for data_set in data_sets(size, installations, seed=size)]
            figures = {"generate": time.perf_counter() - began, "mib": sum(map(len, files)) / 2**20}
            log(f"{size} records: embedded store")
            store = open_store(root / f"region-{size}.db", "bench store passphrase", kdf_iterations=3)
            try:
                figures["embedded"] = measure_store(store, files, private_key, reports)
            finally:
                store.close()
            figures["embedded"]["mib"] = sum(p.stat().st_size for p in root.glob(f"region-{size}.db*")) / 2**20
            if server is not None:
                log(f"{size} records: PostgreSQL")
                database = f"region_{size}"
                server.createdb(database)
                store = open_store(server.url(database))
                try:
                    figures["postgresql"] = measure_store(store, files, private_key, reports)
                finally:
                    store.close()
            del files
            results[size] = figures
    return results


def table(results: dict, installations: int, elapsed: float | None = None) -> str:
    sizes = list(results)
    lines = ["| Region store | " + " | ".join(f"{size:,} records".replace(",", " ") for size in sizes) + " | Target |",
             "|" + "---|" * (len(sizes) + 2)]

    def row(name: str, cell, target: str = "") -> None:
        lines.append(f"| {name} | " + " | ".join(cell(results[size]) for size in sizes) + f" | {target} |")

    def both(key: str):
        def cell(figures: dict) -> str:
            embedded, server = figures["embedded"][key], figures.get("postgresql", {}).get(key)
            if server is None:
                return f"embedded {seconds(embedded)}; PostgreSQL not available"
            return f"embedded {seconds(embedded)}, PostgreSQL {seconds(server)} ({embedded / server:.2f}×)"
        return cell

    row(f"Data sets made ({installations} installations; MiB encrypted)",
        lambda f: f"{seconds(f['generate'])}; {f['mib']:.0f} MiB")
    row("Import, file by file (embedded / PostgreSQL)", both("import"))
    row("Summary refresh after the import (nothing to redo: each import keeps it)", both("summary"))
    row("Report over the year 2025 (median)", both("report"), "PostgreSQL < 2 s at 1 000 000; embedded ≤ 3×")
    row("Courses started in 2025 (both stores agree)",
        lambda f: str(int(f["embedded"]["started"])) + ("" if f.get("postgresql", {}).get("started") in
                                                         (None, f["embedded"]["started"]) else " ≠ PostgreSQL!"))
    row("Embedded store on disk", lambda f: f"{f['embedded']['mib']:.0f} MiB")
    if elapsed is not None:
        lines.append("")
        lines.append(f"Region benchmark: {elapsed:.0f} s on {os.cpu_count()} CPUs.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.region")
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)))
    parser.add_argument("--installations", type=int, default=500)
    parser.add_argument("--reports", type=int, default=3)
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size]
    root = Path(tempfile.mkdtemp(prefix="askel-bench-region-"))
    began = time.perf_counter()
    try:
        results = run(sizes, args.installations, args.reports, root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(table(results, args.installations, time.perf_counter() - began))
    return 0


if __name__ == "__main__":
    sys.exit(main())
