<#
.SYNOPSIS
    Test the Askel MSI the way IT deploys it: signature, silent install with a policy, selftest, silent uninstall.

.DESCRIPTION
    Run as an administrator on a disposable Windows machine (a CI runner): it installs into Program Files,
    writes %ProgramData%\Askel\policy.json and creates a vault in the current user's data folder.
      1. the MSI's Authenticode signature is valid (Get-AuthenticodeSignature and signtool verify /pa);
      2. msiexec /i /qn POLICYFILE=... installs per machine: program files, Start menu shortcut, registry,
         policy.json with the content given and an ACL that lets Users read but not write;
      3. the installed askel-cli.exe passes `selftest`, reads the policy as locked, creates a vault and passes
         `selftest` again with the vault checks;
      4. msiexec /x /qn removes the program, its shortcut and registry key, and keeps the clinician's data
         and policy.json.
    Exit code 0 when everything holds; the first failure throws.

.PARAMETER Msi
    The MSI to test.
.PARAMETER TrustCertificate
    A .cer to trust first (LocalMachine Root and TrustedPublisher): the throwaway certificate that CI signs
    with when no release certificate is configured.
.PARAMETER AllowUnsigned
    Skip the signature check (a local build that was not signed).
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)][string]$Msi,
    [string]$TrustCertificate,
    [switch]$AllowUnsigned
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$Msi = (Resolve-Path $Msi).Path
$work = Join-Path ([IO.Path]::GetTempPath()) ("askel-msi-test-" + [guid]::NewGuid())
New-Item -ItemType Directory -Path $work | Out-Null

$installDir = Join-Path $env:ProgramFiles "Askel"
$cli = Join-Path $installDir "askel-cli.exe"
$policyInstalled = Join-Path $env:ProgramData "Askel\policy.json"
$shortcut = Join-Path $env:ProgramData "Microsoft\Windows\Start Menu\Programs\Askel.lnk"
$userData = Join-Path $env:LOCALAPPDATA "Askel"

function Assert([bool]$Condition, [string]$Message) {
    if (-not $Condition) { throw "FAILED: $Message" }
    Write-Host "ok   $Message"
}

function Invoke-Msiexec([string[]]$Arguments, [string]$Log) {
    $process = Start-Process -FilePath "msiexec.exe" -ArgumentList ($Arguments + @("/l*v", "`"$Log`"")) -Wait -PassThru
    if ($process.ExitCode -ne 0 -and $process.ExitCode -ne 3010) {
        Get-Content $Log -Tail 80 | Write-Host
        throw "msiexec $($Arguments -join ' ') failed (exit code $($process.ExitCode))"
    }
}

function Invoke-Askel([string[]]$Arguments) {
    $output = & $cli @Arguments 2>&1 | Out-String
    Write-Host $output
    if ($LASTEXITCODE -ne 0) { throw "askel-cli $($Arguments -join ' ') failed (exit code $LASTEXITCODE)" }
    return $output
}

# -- 1. signature --------------------------------------------------------------------------------------------
if ($TrustCertificate) {
    foreach ($store in @("Cert:\LocalMachine\Root", "Cert:\LocalMachine\TrustedPublisher")) {
        Import-Certificate -FilePath $TrustCertificate -CertStoreLocation $store | Out-Null
    }
}
if (-not $AllowUnsigned) {
    $signature = Get-AuthenticodeSignature -FilePath $Msi
    Assert ($signature.Status -eq "Valid") "the MSI's Authenticode signature is valid ($($signature.Status), $($signature.SignerCertificate.Subject))"
    & (Join-Path $PSScriptRoot "sign-signtool.ps1") -Verify -Files $Msi
}

# -- 2. silent install with a policy ---------------------------------------------------------------------------
$policySource = Join-Path $work "policy.json"
Set-Content -Path $policySource -Encoding ascii -Value '{"policy": {"auto_lock_minutes": 5, "remember_allowed": false}, "defaults": {"language": "sv"}}'
if (Test-Path $policyInstalled) { Remove-Item -Force $policyInstalled }
Invoke-Msiexec @("/i", "`"$Msi`"", "/qn", "/norestart", "POLICYFILE=`"$policySource`"") (Join-Path $work "install.log")

Assert (Test-Path (Join-Path $installDir "Askel.exe")) "Askel.exe is in $installDir"
Assert (Test-Path $cli) "askel-cli.exe is in $installDir"
Assert (Test-Path $shortcut) "the Start menu shortcut exists"
$registry = Get-ItemProperty -Path "HKLM:\Software\Askel"
Assert ($registry.InstallDir.TrimEnd("\") -eq $installDir) "HKLM\Software\Askel InstallDir is $installDir"
Assert ((Get-Content -Raw $policyInstalled) -eq (Get-Content -Raw $policySource)) "POLICYFILE was copied to $policyInstalled"
$exeSignature = Get-AuthenticodeSignature -FilePath (Join-Path $installDir "Askel.exe")
if (-not $AllowUnsigned) { Assert ($exeSignature.Status -eq "Valid") "the installed Askel.exe is signed" }

# Users (S-1-5-32-545) may read %ProgramData%\Askel but must not write to it.
# Only the bits that change something: FullControl and Modify also contain the read bits.
$writeRights = [Security.AccessControl.FileSystemRights]"WriteData, AppendData, WriteExtendedAttributes, WriteAttributes, Delete, ChangePermissions, TakeOwnership"
$usersWrite = (Get-Acl (Split-Path $policyInstalled)).Access | Where-Object {
    $_.AccessControlType -eq "Allow" -and
    $_.IdentityReference.Translate([Security.Principal.SecurityIdentifier]).Value -in @("S-1-5-32-545", "S-1-1-0", "S-1-5-11") -and
    ($_.FileSystemRights -band $writeRights) -ne 0
}
Assert (-not $usersWrite) "Users cannot write to %ProgramData%\Askel"

# -- 3. the installed program --------------------------------------------------------------------------------
$env:QT_QPA_PLATFORM = "offscreen"
$env:ASKEL_CONFIG_DIR = Join-Path $work "config"
$env:ASKEL_LOG_DIR = Join-Path $work "log"
Remove-Item Env:ASKEL_POLICY_FILE, Env:ASKEL_DATA_DIR -ErrorAction SilentlyContinue  # the real policy and data paths
$backupData = $null
if (Test-Path $userData) {  # never lose a real user's data on a reused machine
    $backupData = "$userData.before-msi-test"
    Move-Item $userData $backupData
}
try {
    $out = Invoke-Askel @("selftest")
    Assert ($out -match "ok\s+settings") "selftest reads the settings and the policy without problems"
    $shown = Invoke-Askel @("policy", "show", "--json") | ConvertFrom-Json
    $autoLock = $shown.settings | Where-Object { $_.key -eq "auto_lock_minutes" }
    Assert ($autoLock.value -eq 5 -and $autoLock.locked) "auto_lock_minutes is 5 and locked by the installed policy"
    $language = $shown.settings | Where-Object { $_.key -eq "language" }
    Assert ($language.value -eq "sv" -and -not $language.locked) "language defaults to sv and is not locked"

    $env:ASKEL_PASSPHRASE = "msi test passphrase 2026"
    Invoke-Askel @("init", "--name", "Testi Hoitaja") | Out-Null
    $out = Invoke-Askel @("selftest")
    Assert ($out -match "ok\s+audit log") "selftest passes with the new vault (unlock, database, audit log)"
    Assert (Test-Path (Join-Path $userData "askel.key")) "the vault is in $userData"

    # -- 4. silent uninstall keeps data and policy -----------------------------------------------------------
    Invoke-Msiexec @("/x", "`"$Msi`"", "/qn", "/norestart") (Join-Path $work "uninstall.log")
    Assert (-not (Test-Path (Join-Path $installDir "Askel.exe"))) "the program files are removed"
    Assert (-not (Test-Path $shortcut)) "the Start menu shortcut is removed"
    Assert (-not (Test-Path "HKLM:\Software\Askel")) "HKLM\Software\Askel is removed"
    Assert ((Test-Path (Join-Path $userData "askel.key")) -and (Test-Path (Join-Path $userData "askel.db"))) "the clinician's vault is kept"
    Assert (Test-Path $policyInstalled) "policy.json is kept"
} finally {
    Remove-Item Env:ASKEL_PASSPHRASE -ErrorAction SilentlyContinue
    if ($backupData) {
        Remove-Item -Recurse -Force $userData -ErrorAction SilentlyContinue
        Move-Item $backupData $userData
    }
}
Write-Host "MSI test passed: $Msi"
