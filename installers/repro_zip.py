"""Zip a folder reproducibly: sorted entries, every timestamp from SOURCE_DATE_EPOCH, fixed permissions.

    python installers/repro_zip.py FOLDER OUT.zip

Used for the release's policy template archive (ADMX, ADML, JSON schema). Standard library only.
"""

from __future__ import annotations

import os
import sys
import time
import zipfile
from pathlib import Path

ZIP_EPOCH = 315532800  # 1980-01-01, the earliest time a zip entry can hold


def zip_folder(folder: Path, out: Path, epoch: int) -> None:
    stamp = time.gmtime(max(epoch, ZIP_EPOCH))[:6]
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(folder.rglob("*")):
            if not path.is_file():
                continue
            entry = zipfile.ZipInfo(path.relative_to(folder).as_posix(), date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o100644 << 16
            entry.create_system = 3  # Unix, whatever the build machine is
            archive.writestr(entry, path.read_bytes())


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: repro_zip.py FOLDER OUT.zip", file=sys.stderr)
        return 2
    zip_folder(Path(argv[0]), Path(argv[1]), int(os.environ.get("SOURCE_DATE_EPOCH", ZIP_EPOCH)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
