<#
.SYNOPSIS
    Build the Askel bundle on Windows: dist\askel\ (Askel.exe, askel-cli.exe, _internal\) and build\icons\askel.ico.

.DESCRIPTION
    The Windows half of installers/build-linux.sh, up to the bundle: the packaging venv .venv-package from
    installers\requirements-runtime.lock and installers\requirements-package.lock, the compiled translations, the icons, then
    PyInstaller with PYTHONHASHSEED=0 and SOURCE_DATE_EPOCH, and `askel-cli selftest` on the result.
    The MSI is made from the bundle by installers/windows/build-msi.sh (wixl, on Linux).

.PARAMETER Python
    A Python 3.11 (default: python on PATH).

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File installers\windows\build-bundle.ps1
#>
[CmdletBinding()]
param([string]$Python = "python")

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $Root

function Invoke-Checked([string]$Program, [string[]]$Arguments) {
    & $Program @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Program $($Arguments -join ' ') failed (exit code $LASTEXITCODE)" }
}

$version = & $Python -c "import sys; print('%d.%d' % sys.version_info[:2])"
if ($version -ne "3.11") { throw "Python 3.11 is needed, $Python is $version" }

$env:PYTHONHASHSEED = "0"
if (-not $env:SOURCE_DATE_EPOCH) { $env:SOURCE_DATE_EPOCH = (git log -1 --format=%ct).Trim() }
Write-Host "== SOURCE_DATE_EPOCH=$env:SOURCE_DATE_EPOCH"

$venv = Join-Path $Root ".venv-package"
$py = Join-Path $venv "Scripts\python.exe"
if (-not (Test-Path $py)) {
    Write-Host "== packaging venv"
    Invoke-Checked $Python @("-m", "venv", $venv)
    Invoke-Checked $py @("-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--require-hashes",
        "-r", "installers\requirements-runtime.lock", "-r", "installers\requirements-package.lock")
}

# A release (ASKEL_RELEASE=1) refuses an Askel that still pins the development release key.
& $py desktop\askel\release.py check-build
if ($LASTEXITCODE -ne 0) {
    if ($env:ASKEL_RELEASE -eq "1") { throw "refused for a release (ASKEL_RELEASE=1): the development release key is pinned" }
    Write-Warning "the development release key is pinned (a test build only: a release refuses this)"
}

Write-Host "== translations"
New-Item -ItemType Directory -Force -Path "desktop\askel\translations" | Out-Null
foreach ($ts in Get-ChildItem "i18n\askel_*.ts") {
    Invoke-Checked (Join-Path $venv "Scripts\pyside6-lrelease.exe") @(
        "-silent", $ts.FullName, "-qm", "desktop\askel\translations\$($ts.BaseName).qm")
}

Write-Host "== icons"
Invoke-Checked $py @("installers\make_icons.py", "--out", "build\icons")

Write-Host "== bundle (PyInstaller)"
foreach ($old in @("dist\askel", "build\pyinstaller")) {
    if (Test-Path $old) { Remove-Item -Recurse -Force $old }
}
Invoke-Checked (Join-Path $venv "Scripts\pyinstaller.exe") @("--noconfirm", "--clean", "--log-level", "WARN",
    "--distpath", "dist", "--workpath", "build\pyinstaller", "installers\askel.spec")

Write-Host "== bundle selftest"
# Nothing of this machine's user settings or policy: a scratch folder for everything.
$scratch = Join-Path ([IO.Path]::GetTempPath()) ("askel-build-" + [guid]::NewGuid())
$env:QT_QPA_PLATFORM = "offscreen"
$env:ASKEL_DATA_DIR = Join-Path $scratch "data"
$env:ASKEL_CONFIG_DIR = Join-Path $scratch "config"
$env:ASKEL_LOG_DIR = Join-Path $scratch "log"
$env:ASKEL_POLICY_FILE = Join-Path $scratch "no-policy.json"
try {
    Invoke-Checked "dist\askel\askel-cli.exe" @("selftest")
} finally {
    Remove-Item -Recurse -Force $scratch -ErrorAction SilentlyContinue
    foreach ($name in @("QT_QPA_PLATFORM", "ASKEL_DATA_DIR", "ASKEL_CONFIG_DIR", "ASKEL_LOG_DIR", "ASKEL_POLICY_FILE")) {
        Remove-Item "Env:$name" -ErrorAction SilentlyContinue
    }
}
$files = (Get-ChildItem -Recurse -File "dist\askel").Count
Write-Host "== built dist\askel ($files files)"
