"""Render installers/linux/askel.svg into the Windows .ico and the macOS .icns the bundles need.

    python installers/make_icons.py --out build/icons

One drawing for every platform, so the icons cannot drift apart. Both formats are containers of PNG images
(Windows Vista and later, macOS 10.7 and later read PNG entries), written here byte for byte: the same SVG
and the same Qt give the same files. Runs in the packaging venv (it has PySide6 with QtSvg).
"""

from __future__ import annotations

import argparse
import os
import struct
from pathlib import Path

SVG = Path(__file__).resolve().parent / "linux" / "askel.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512),
              (b"ic10", 1024))


def render_png(svg: Path, size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


def ico(images: dict[int, bytes]) -> bytes:
    """ICONDIR, one ICONDIRENTRY per size (0 stands for 256), then the PNG images."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, payload = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(payload))
        payload += png
    return header + entries + payload


def icns(images: dict[bytes, bytes]) -> bytes:
    """'icns', total length, then (type, length including the 8-byte header, PNG data) per image."""
    body = b"".join(kind + struct.pack(">I", len(png) + 8) + png for kind, png in images.items())
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True,
                        help="folder for askel.ico, askel.icns and askel-256.png")
    parser.add_argument("--svg", type=Path, default=SVG)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display on a build machine
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841  (QImage and QPainter need one)
    args.out.mkdir(parents=True, exist_ok=True)
    pngs = {size: render_png(args.svg, size) for size in sorted({*ICO_SIZES, *(s for _, s in ICNS_TYPES)})}
    (args.out / "askel.ico").write_bytes(ico({size: pngs[size] for size in ICO_SIZES}))
    (args.out / "askel.icns").write_bytes(icns({kind: pngs[size] for kind, size in ICNS_TYPES}))
    (args.out / "askel-256.png").write_bytes(pngs[256])
    for name in ("askel.ico", "askel.icns", "askel-256.png"):
        print(args.out / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
