"""The process the handover kill tests kill: it receives one handover file into a vault, as the app does.

    python handover_writer.py DATA_DIR FILE CODE        (passphrase in ASKEL_PASSPHRASE)

It unlocks the vault, opens the file with the code (the Argon2id step, before anything is written), prints
`{"ready": …}` and imports through `askel.export.handover.accept`, then prints `{"ok": …}` with how long the import
took. Both lines are flushed at once, so what the harness reads after a SIGKILL is what was acknowledged.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path


def say(record: dict) -> None:
    sys.stdout.write(json.dumps(record, separators=(",", ":")) + "\n")
    sys.stdout.flush()


def main(argv: list[str]) -> int:
    from askel.core.content.library import ContentLibrary
    from askel.core.paths import resources_dir
    from askel.export import handover
    from askel.store.vault import Vault

    data_dir, file, code = Path(argv[0]), Path(argv[1]), argv[2]
    vault = Vault.unlock(data_dir, os.environ["ASKEL_PASSPHRASE"])
    offer = handover.open_handover(vault, file.read_bytes(), code, library=ContentLibrary.load(resources_dir()),
                                   trusted_keys=[])
    say({"ready": True})
    started = time.perf_counter()
    handover.accept(vault, offer, packs_dir=data_dir / "content" / "packs", trusted_keys=[])
    say({"ok": True, "seconds": time.perf_counter() - started})
    vault.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
