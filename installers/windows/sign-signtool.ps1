<#
.SYNOPSIS
    Authenticode-sign Windows files (EXE, DLL, MSI) with signtool, or verify their signatures.

.DESCRIPTION
    The Windows counterpart of sign-osslsigncode.sh. One of three ways to reach the key:
      -PfxFile        a PKCS#12 file; its password is read from the environment variable -PfxPasswordEnv
      -Thumbprint     a certificate in the certificate store (CurrentUser, or LocalMachine with
                      -MachineStore): this covers smart cards, EV tokens and HSMs whose CSP/KSP puts the
                      certificate into the store
      -CertFile with -Csp and -KeyContainer   an HSM reached through its CSP without the store
    Every signature is SHA-256 with an RFC 3161 timestamp (-TimestampUrl, default $env:ASKEL_TIMESTAMP_URL),
    and each file is verified after signing (signtool verify /pa).

.EXAMPLE
    sign-signtool.ps1 -PfxFile codesign.pfx -TimestampUrl http://timestamp.example -Files dist\askel\Askel.exe
.EXAMPLE
    sign-signtool.ps1 -Thumbprint 0123456789ABCDEF0123456789ABCDEF01234567 -Files askel-0.1.0-x64.msi
.EXAMPLE
    sign-signtool.ps1 -Verify -Files askel-0.1.0-x64.msi
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)][string[]]$Files,
    [string]$PfxFile,
    [string]$PfxPasswordEnv = "ASKEL_PFX_PASSWORD",
    [string]$Thumbprint,
    [switch]$MachineStore,
    [string]$CertFile,
    [string]$Csp,
    [string]$KeyContainer,
    [string]$TimestampUrl = $env:ASKEL_TIMESTAMP_URL,
    [string]$Description = "Askel",
    [switch]$Verify
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

function Find-SignTool {
    $onPath = Get-Command "signtool.exe" -ErrorAction SilentlyContinue
    if ($onPath) { return $onPath.Source }
    # The newest Windows SDK's x64 signtool (folders are named after the SDK version, e.g. 10.0.22621.0).
    $kits = Join-Path ${env:ProgramFiles(x86)} "Windows Kits\10\bin"
    $found = Get-ChildItem -Path $kits -Filter "signtool.exe" -Recurse -ErrorAction SilentlyContinue |
        Where-Object { $_.Directory.Name -eq "x64" -and $_.Directory.Parent.Name -match '^\d+(\.\d+)+$' } |
        Sort-Object { [version]$_.Directory.Parent.Name } -Descending |
        Select-Object -First 1
    if (-not $found) { throw "signtool.exe not found: install the Windows SDK signing tools" }
    return $found.FullName
}

function Invoke-SignTool([string[]]$Arguments, [string]$Shown) {
    & $script:SignTool @Arguments
    if ($LASTEXITCODE -ne 0) { throw "signtool $Shown failed (exit code $LASTEXITCODE)" }
}

$script:SignTool = Find-SignTool
foreach ($file in $Files) {
    if (-not (Test-Path -LiteralPath $file -PathType Leaf)) { throw "$file does not exist" }
}

if ($Verify) {
    foreach ($file in $Files) {
        Invoke-SignTool @("verify", "/pa", "/v", $file) "verify $file"
        Write-Host "verified $file"
    }
    exit 0
}

$credentials = @()
$shown = @()
$imported = $null
if ($PfxFile) {
    # signtool takes a PFX password only on its command line (/p), where other processes can read it: import
    # the PFX into the user's store instead (the password as a SecureString) and sign by its thumbprint.
    $plain = [Environment]::GetEnvironmentVariable($PfxPasswordEnv)
    $secure = New-Object System.Security.SecureString
    if ($plain) { $secure = ConvertTo-SecureString $plain -AsPlainText -Force }
    $imported = Import-PfxCertificate -FilePath $PfxFile -CertStoreLocation Cert:\CurrentUser\My -Password $secure
    $credentials = @("/sha1", $imported.Thumbprint)
    $shown = $credentials
} elseif ($Thumbprint) {
    $credentials = @("/sha1", $Thumbprint)
    if ($MachineStore) { $credentials += "/sm" }
    $shown = $credentials
} elseif ($CertFile -and $Csp -and $KeyContainer) {
    $credentials = @("/f", $CertFile, "/csp", $Csp, "/kc", $KeyContainer)
    $shown = $credentials
} else {
    throw "give -PfxFile, -Thumbprint, or -CertFile with -Csp and -KeyContainer"
}

$stamping = @()
if ($TimestampUrl) {
    $stamping = @("/tr", $TimestampUrl, "/td", "SHA256")
} elseif ($env:ASKEL_RELEASE -eq "1") {
    throw "refused for a release (ASKEL_RELEASE=1): no -TimestampUrl, the signatures would expire with the certificate"
} else {
    Write-Warning "no -TimestampUrl: the signatures expire with the certificate (a test build only: a release refuses this)"
}

try {
    foreach ($file in $Files) {
        $arguments = @("sign", "/fd", "SHA256", "/d", $Description) + $credentials + $stamping + @($file)
        Invoke-SignTool $arguments ("sign " + (($shown + @($file)) -join " "))
        Invoke-SignTool @("verify", "/pa", $file) "verify $file"
        Write-Host "signed $file"
    }
} finally {
    if ($imported) { Remove-Item -LiteralPath "Cert:\CurrentUser\My\$($imported.Thumbprint)" -DeleteKey }
}
