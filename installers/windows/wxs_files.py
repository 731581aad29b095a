"""Write the WiX fragment listing every file of the bundle: component group CG.Bundle under INSTALLDIR.

    python3 installers/windows/wxs_files.py BUNDLE_DIR > askel-files.wxs

The bundle has thousands of files, so askel.wxs does not list them. wixl-heat could, but it names folders with
random ids, and the MSI would differ on every build. Here every id and component GUID is derived from the
file's path inside the bundle: the same bundle gives the same fragment, and a file keeps its component
GUID from one version to the next (what Windows Installer's component rules expect). Standard library only;
the WiX Toolset (candle) compiles the fragment as well as wixl does.
"""

from __future__ import annotations

import hashlib
import sys
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path

NAMESPACE = "http://schemas.microsoft.com/wix/2006/wi"
UPGRADE_CODE = uuid.UUID("5B3E0F4C-7A1D-4C8E-9B62-2F6A1D0C9E47")  # askel.wxs: the product's UpgradeCode


def _id(prefix: str, relative: str) -> str:
    # MSI identifiers: at most 72 characters, a letter first; the path itself could be far longer.
    return f"{prefix}_{hashlib.sha256(relative.encode('utf-8')).hexdigest()[:40]}"


def fragment(bundle: Path, source_var: str = "var.SourceDir") -> str:
    ET.register_namespace("", NAMESPACE)
    wix = ET.Element(f"{{{NAMESPACE}}}Wix")
    fragments = [ET.SubElement(wix, f"{{{NAMESPACE}}}Fragment") for _ in range(2)]
    directories = ET.SubElement(fragments[0], f"{{{NAMESPACE}}}DirectoryRef", Id="INSTALLDIR")
    group = ET.SubElement(fragments[1], f"{{{NAMESPACE}}}ComponentGroup", Id="CG.Bundle")
    folders: dict[str, ET.Element] = {"": directories}

    def folder(relative: str) -> ET.Element:
        if relative not in folders:
            parent, _, name = relative.rpartition("/")
            folders[relative] = ET.SubElement(folder(parent), f"{{{NAMESPACE}}}Directory",
                                              Id=_id("dir", relative), Name=name)
        return folders[relative]

    files = sorted(path.relative_to(bundle).as_posix() for path in bundle.rglob("*") if path.is_file())
    if not files:
        raise SystemExit(f"wxs_files: {bundle} has no files")
    for relative in files:
        component_id = _id("cmp", relative)
        component = ET.SubElement(folder(relative.rpartition("/")[0]), f"{{{NAMESPACE}}}Component",
                                  Id=component_id, Guid=str(uuid.uuid5(UPGRADE_CODE, relative)).upper(),
                                  Win64="yes")
        ET.SubElement(component, f"{{{NAMESPACE}}}File", Id=_id("fil", relative), KeyPath="yes",
                      Source=f"$({source_var})/{relative}")
        ET.SubElement(group, f"{{{NAMESPACE}}}ComponentRef", Id=component_id)
    ET.indent(wix)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(wix, encoding="unicode") + "\n"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: wxs_files.py BUNDLE_DIR > askel-files.wxs", file=sys.stderr)
        return 2
    sys.stdout.write(fragment(Path(argv[0])))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
