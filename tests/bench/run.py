"""`make bench`: Askel's performance against baselines measured in the same run, at 1 000, 10 000 and 100 000 clients.

    python -m tests.bench.run [--sizes 1000,10000,100000] [--startup-runs 3] [--keep]

Each figure is shown with its ratio to its baseline:
- start-up, in fresh processes as the program starts: launch → unlock screen painted against a bare PySide6 window
  (target at most 1.5x), the store then imported in the background, and Enter → workspace painted against a bare
  page switch (target at most 150 ms); the Argon2id key derivation excluded and shown on its own line;
- search as you type: p95 per keystroke of `search_clients` for names, identity code prefixes and birth dates typed
  letter by letter, against the same calls on a plaintext SQLite copy (target at most 1.3x) and against one 60 Hz
  frame (target at most 1 frame at 100 000 clients);
- opening the client with 50 sessions (`open_client`, then `load_course` as the course page does): target 1 frame;
- the write workload (a client, a course, 10 sessions with PHQ-9 and GAD-7) against plain SQLite: target 1.2x;
- FHIR export (rendering the bundle of a 10-session course) and statistics over 12 months, against plain SQLite;
- peak memory (RSS) of the app at 100 000 clients against the bare window.

The vaults are generated once per run by the demo generator into a temporary folder (removed at the end unless
--keep); their Argon2id cost is calibrated as for a real vault. The machine's other load shows in the figures, so
ratios are measured alternately or back to back.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SIZES = (1_000, 10_000, 100_000)


def log(text: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def probe(mode: str, *arguments: str) -> dict:
    command = [sys.executable, "-m", "tests.bench.probe", mode, repr(time.monotonic()), *arguments]
    completed = subprocess.run(command, cwd=ROOT, env=os.environ.copy(), capture_output=True, text=True, timeout=300,
                               check=False)
    if completed.returncode != 0:
        raise RuntimeError(f"probe {mode} failed:\n{completed.stderr[-2000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def medians(runs: list[dict]) -> dict:
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def ratio(value: float, baseline: float) -> str:
    return f"{value / baseline:.2f}×" if baseline > 0 else "–"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.run")
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)))
    parser.add_argument("--startup-runs", type=int, default=3)
    parser.add_argument("--keep", action="store_true", help="keep the generated vaults and print their folder")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size]
    began = time.perf_counter()
    root = Path(tempfile.mkdtemp(prefix="askel-bench-"))
    # Children and this process see no real settings, policy or logs; the passphrase is the demo vaults' own.
    from tests.bench import vaults, workloads

    os.environ.update({
        "ASKEL_CONFIG_DIR": str(root / "config"), "ASKEL_POLICY_FILE": str(root / "no-policy.json"),
        "ASKEL_LOG_DIR": str(root / "logs"), "ASKEL_PASSPHRASE": vaults.PASSPHRASE,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
    })
    try:
        results = measure(root, sizes, args.startup_runs, vaults, workloads)
    finally:
        if args.keep:
            log(f"vaults kept in {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    print(report(results, sizes, time.perf_counter() - began))
    return 0


def measure(root: Path, sizes: list[int], startup_runs: int, vaults, workloads) -> dict:
    results: dict = {"sizes": {}}
    log("calibrating Argon2id as for a real vault")
    iterations = vaults.calibrated_iterations()
    results["kdf_iterations"] = iterations
    log("bare PySide6 window")
    results["bare"] = medians([probe("bare") for _ in range(startup_runs)])
    for size in sizes:
        figures: dict = {}
        results["sizes"][size] = figures
        log(f"{size} clients: generating")
        bench = vaults.build(root, size, iterations)
        figures["generate"] = bench.generate_seconds
        figures["db_mib"] = (bench.folder / "askel.db").stat().st_size / 2**20
        log(f"{size} clients: start-up x{startup_runs}")
        figures["startup"] = medians([probe("askel", str(bench.folder), bench.long_client_id)
                                      for _ in range(startup_runs)])
        cipher, plain = vaults.open_cipher(bench), vaults.plain_vault(bench.plain_path)
        try:
            log(f"{size} clients: search as you type")
            typed = workloads.keystrokes(cipher)
            figures["keystrokes"] = len(typed)
            figures["search"] = workloads.percentile(workloads.search_times(cipher, typed), 0.95)
            figures["search_plain"] = workloads.percentile(workloads.search_times(plain, typed), 0.95)
            log(f"{size} clients: opening the 50-session client")
            opened = workloads.open_client_times(cipher, bench.long_client_id)
            opened_plain = workloads.open_client_times(plain, bench.long_client_id)
            figures["open"] = workloads.median(opened)
            figures["open_p95"] = workloads.percentile(opened, 0.95)
            figures["open_plain"] = workloads.median(opened_plain)
            log(f"{size} clients: write workload")
            write, write_plain, course_id, plain_course_id = workloads.write_times(cipher, plain)
            figures["write"], figures["write_plain"] = workloads.median(write), workloads.median(write_plain)
            if workloads.fhir_available():
                log(f"{size} clients: FHIR export")
                figures["fhir"] = workloads.median(workloads.fhir_times(cipher, course_id))
                figures["fhir_plain"] = workloads.median(workloads.fhir_times(plain, plain_course_id))
            log(f"{size} clients: statistics")
            rounds = 1 if size >= 100_000 else 3
            figures["stats"] = workloads.median(workloads.stats_times(cipher, rounds))
            figures["stats_plain"] = workloads.median(workloads.stats_times(plain, rounds))
        finally:
            cipher.close()
            plain.engine.dispose()
        shutil.rmtree(bench.folder / "backups", ignore_errors=True)
    return results


def report(results: dict, sizes: list[int], elapsed: float) -> str:
    frame = 1 / 60
    bare = results["bare"]
    data = results["sizes"]
    header = "| Measure | Baseline | " + " | ".join(f"{size:,} clients".replace(",", " ") for size in sizes) + \
        " | Target |"
    lines = [header, "|" + "---|" * (len(sizes) + 3)]

    def row(name: str, baseline: str, cell, target: str) -> None:
        lines.append(f"| {name} | {baseline} | " + " | ".join(cell(data[size]) if size in data else "–"
                                                          for size in sizes) + f" | {target} |")

    bare_text = f"bare window {ms(bare['painted'])}"
    row("Launch → unlock screen painted (nothing of the store imported yet)", bare_text,
        lambda f: f"{ms(f['startup']['unlock_screen'])} ({ratio(f['startup']['unlock_screen'], bare['painted'])})",
        "≤ 1.5×")
    row("… then the store imported and the empty workspace built in the background, while the passphrase is typed", "",
        lambda f: ms(f["startup"]["preload"]), "before Enter")
    row("Enter → workspace painted (Argon2id excluded)", f"bare page switch {ms(bare['switch'])}",
        lambda f: (f"{ms(f['startup']['enter_excl_kdf'])} "
                   f"({ratio(f['startup']['enter_excl_kdf'], bare['switch'])})"), "≤ 150 ms")
    row("… of which the unlock without Argon2id (open, integrity check, migrations, log)", "",
        lambda f: ms(f["startup"]["unlock_other"]), "")
    row("Launch → unlocked workspace painted, no typing time (Argon2id excluded)", bare_text,
        lambda f: f"{ms(f['startup']['painted_excl_kdf'])} ({ratio(f['startup']['painted_excl_kdf'], bare['painted'])})",
        "")
    row(f"Argon2id unlock (reported apart; {results['kdf_iterations']} passes, 64 MiB)", "",
        lambda f: ms(f["startup"]["argon2id"]), "≈ 0.5 s")
    row("Search as you type, p95 per keystroke", "plain SQLite, same calls",
        lambda f: f"{ms(f['search'])} ({ratio(f['search'], f['search_plain'])}; plain {ms(f['search_plain'])})",
        "≤ 1.3×")
    row("… against one 60 Hz frame", "16.7 ms", lambda f: f"{f['search'] / frame:.2f} frames",
        "≤ 1 frame at 100 000")
    row("Open the client with 50 sessions (median; p95)", "16.7 ms",
        lambda f: f"{ms(f['open'])}; {ms(f['open_p95'])} ({f['open'] / frame:.2f} frames; plain {ms(f['open_plain'])})",
        "≤ 1 frame")
    row("Write workload: client, course, 10 sessions with questionnaires", "plain SQLite",
        lambda f: f"{ms(f['write'])} ({ratio(f['write'], f['write_plain'])}; plain {ms(f['write_plain'])})", "≤ 1.2×")
    row("FHIR export of a 10-session course (render)", "plain SQLite",
        lambda f: (f"{ms(f['fhir'])} ({ratio(f['fhir'], f['fhir_plain'])}; plain {ms(f['fhir_plain'])})"
                   if "fhir" in f else "not available"), "")
    row("Statistics over 12 months", "plain SQLite",
        lambda f: f"{ms(f['stats'])} ({ratio(f['stats'], f['stats_plain'])}; plain {ms(f['stats_plain'])})",
        "well under a few s")
    row("Peak memory (RSS) after start-up", f"bare window {bare['peak_rss_mib']:.0f} MiB",
        lambda f: f"{f['startup']['peak_rss_mib']:.0f} MiB ({ratio(f['startup']['peak_rss_mib'], bare['peak_rss_mib'])})",
        "")
    row("Peak memory after a search and opening a client", f"bare window {bare['peak_rss_mib']:.0f} MiB",
        lambda f: (f"{f['startup']['peak_rss_used_mib']:.0f} MiB "
                   f"({ratio(f['startup']['peak_rss_used_mib'], bare['peak_rss_mib'])})"), "")
    row("Demo generation (askel demo)", "", lambda f: ms(f["generate"]), "")
    row("Database size", "", lambda f: f"{f['db_mib']:.0f} MiB", "")
    lines.append("")
    lines.append(f"Whole benchmark: {elapsed:.0f} s on {os.cpu_count()} CPUs. Search: "
                 + ", ".join(f"{data[s]['keystrokes']} keystrokes at {s}" for s in sizes if s in data) + ".")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
