#!/usr/bin/env bash
# Build the Askel MSI from a Windows bundle, on Linux, with wixl (Debian packages: wixl, msitools).
#
#   bash installers/windows/build-msi.sh --bundle DIR --icon askel.ico --out askel-VERSION-x64.msi [--version V]
#
# DIR is the PyInstaller output of installers/windows/build-bundle.ps1 (Askel.exe, askel-cli.exe, _internal\).
# Sign the two executables inside it before this (sign-osslsigncode.sh), and the MSI after.
#
# Reproducible: the product and package codes are derived from the version and the bundle's contents, the
# file list is sorted, the bundle's file times are set to SOURCE_DATE_EPOCH (default: the last commit's time),
# and with `faketime` installed so is every timestamp wixl and msibuild write. Without faketime the MSI still
# works, but two builds differ in their summary timestamps.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
bundle="" icon="" out="" version=""
while [ $# -gt 0 ]; do
  case $1 in
    --bundle) bundle=$2; shift 2 ;;
    --icon) icon=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --version) version=$2; shift 2 ;;
    *) echo "build-msi: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ -z "$bundle" ] || [ -z "$icon" ] || [ -z "$out" ]; then
  echo "usage: build-msi.sh --bundle DIR --icon FILE.ico --out FILE.msi [--version V]" >&2
  exit 2
fi
for tool in wixl msibuild msiinfo python3; do
  command -v "$tool" >/dev/null || { echo "build-msi: $tool is missing (apt-get install wixl msitools)" >&2; exit 1; }
done
for exe in Askel.exe askel-cli.exe; do
  [ -f "$bundle/$exe" ] || { echo "build-msi: $bundle/$exe is missing: not a Windows bundle" >&2; exit 1; }
done
bundle=$(cd "$bundle" && pwd)
icon=$(cd "$(dirname "$icon")" && pwd)/$(basename "$icon")
[ -n "$version" ] || version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' "$repo/desktop/askel/__init__.py")
# ProductVersion: the numeric form that sorts a pre-release (0.2.0rc1 → 0.2.301) before its release (0.2.999).
msi_version=$(python3 "$repo/installers/version_scheme.py" msi "$version")
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH=$(git -C "$repo" log -1 --format=%ct 2>/dev/null || date +%s)
fi
export SOURCE_DATE_EPOCH TZ=UTC LC_ALL=C

# Run msitools with the clock stopped at SOURCE_DATE_EPOCH, when faketime is there.
frozen=()
if command -v faketime >/dev/null; then
  frozen=(faketime "$(date -u -d "@$SOURCE_DATE_EPOCH" '+%Y-%m-%d %H:%M:%S')")
else
  echo "build-msi: faketime not installed: the MSI's timestamps are the build time (not reproducible)" >&2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The cabinet stores each file's modification time: give them all SOURCE_DATE_EPOCH (this changes the bundle
# folder's timestamps, never its contents or signatures).
find "$bundle" -exec touch --no-dereference --date="@$SOURCE_DATE_EPOCH" {} +

# One component per file, with ids and GUIDs derived from the paths (not wixl-heat: its folder ids are random).
python3 "$here/wxs_files.py" "$bundle" >"$work/askel-files.wxs"

# ProductCode: one per version (major upgrades). PackageCode: one per distinct MSI, so also from the contents.
read -r product_code package_code < <(python3 - "$bundle" "$version" <<'EOF'
import hashlib, sys, uuid
from pathlib import Path
bundle, version = Path(sys.argv[1]), sys.argv[2]
namespace = uuid.UUID("5B3E0F4C-7A1D-4C8E-9B62-2F6A1D0C9E47")  # the UpgradeCode
digest = hashlib.sha256()
for path in sorted(p for p in bundle.rglob("*") if p.is_file()):
    digest.update(path.relative_to(bundle).as_posix().encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
product = uuid.uuid5(namespace, f"product {version}")
package = uuid.uuid5(namespace, f"package {version} {digest.hexdigest()}")
print(str(product).upper(), str(package).upper())
EOF
)

mkdir -p "$(dirname "$out")"
out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
rm -f "$out"
# wixl takes source paths relative to its working folder only.
ln -s "$bundle" "$work/bundle"
cp "$icon" "$work/askel.ico"
(cd "$work" && "${frozen[@]}" wixl --arch x64 -D Wixl=1 -D "Version=$msi_version" -D "ProductCode=$product_code" \
  -D "PackageCode=$package_code" -D SourceDir=bundle -D IconFile=askel.ico -D Win64=yes \
  -o "$out" "$here/askel.wxs" askel-files.wxs)

# What wixl cannot express (see the comment in askel.wxs): copy POLICYFILE to %ProgramData%\Askel\policy.json,
# lock that folder's ACL, make the public properties secure, and the package code (wixl makes a random one).
sddl='D:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)'
"${frozen[@]}" msibuild "$out" -q "CREATE TABLE \`MoveFile\` (\`FileKey\` CHAR(72) NOT NULL, \`Component_\` CHAR(72) NOT NULL, \`SourceName\` CHAR(255) LOCALIZABLE, \`DestName\` CHAR(255) LOCALIZABLE, \`SourceFolder\` CHAR(72), \`DestFolder\` CHAR(72) NOT NULL, \`Options\` SHORT NOT NULL PRIMARY KEY \`FileKey\`)"
"${frozen[@]}" msibuild "$out" -q "INSERT INTO \`MoveFile\` (\`FileKey\`, \`Component_\`, \`DestName\`, \`SourceFolder\`, \`DestFolder\`, \`Options\`) VALUES ('CopyPolicyFile', 'PolicyFolder', 'policy.json', 'POLICYFILE', 'POLICYDIR', 0)"
"${frozen[@]}" msibuild "$out" -q "INSERT INTO \`InstallExecuteSequence\` (\`Action\`, \`Sequence\`) VALUES ('MoveFiles', 3800)"
"${frozen[@]}" msibuild "$out" -q "CREATE TABLE \`MsiLockPermissionsEx\` (\`MsiLockPermissionsEx\` CHAR(72) NOT NULL, \`LockObject\` CHAR(72) NOT NULL, \`Table\` CHAR(32) NOT NULL, \`SDDLText\` CHAR(0) NOT NULL, \`Condition\` CHAR(255) PRIMARY KEY \`MsiLockPermissionsEx\`)"
"${frozen[@]}" msibuild "$out" -q "INSERT INTO \`MsiLockPermissionsEx\` (\`MsiLockPermissionsEx\`, \`LockObject\`, \`Table\`, \`SDDLText\`) VALUES ('PolicyFolderAcl', 'POLICYDIR', 'CreateFolder', '$sddl')"
"${frozen[@]}" msibuild "$out" -q "UPDATE \`Property\` SET \`Value\` = 'WIX_DOWNGRADE_DETECTED;WIX_UPGRADE_DETECTED;INSTALLDIR;POLICYFILE' WHERE \`Property\` = 'SecureCustomProperties'"
"${frozen[@]}" msibuild "$out" -s "Askel $version" "Askel" "x64;1033" "{$package_code}"

files=$(msiinfo export "$out" File | tail -n +4 | wc -l)
echo "built $out: Askel $version, $files files, product {$product_code}, package {$package_code}"
