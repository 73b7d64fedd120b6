<#
.SYNOPSIS
  Start Ventanilla for the dedicated kiosk user: a logon scheduled task, or Shell Launcher (the kiosk replaces
  Explorer as that user's shell and is restarted when it exits). Run by the installer (ventanilla.iss), or by IT.

.EXAMPLE
  .\shell-launcher.ps1 -Mode LogonTask -User kiosk -Exe "C:\Program Files\Ventanilla\ventanilla.exe"
  .\shell-launcher.ps1 -Mode ShellLauncher -User kiosk -Exe "C:\Program Files\Ventanilla\ventanilla.exe"
  .\shell-launcher.ps1 -Mode Remove -User kiosk

.NOTES
  Shell Launcher needs Windows Enterprise, Education or IoT Enterprise; the feature is enabled here (a reboot
  may be asked for). The kiosk user must exist (a local standard user with automatic logon, or Assigned Access).
#>
param(
    [Parameter(Mandatory = $true)][ValidateSet("LogonTask", "ShellLauncher", "Remove")][string]$Mode,
    [Parameter(Mandatory = $true)][string]$User,
    [string]$Exe = "$env:ProgramFiles\Ventanilla\ventanilla.exe",
    [string]$Config = "$env:ProgramData\Ventanilla\kiosk.toml"
)
$ErrorActionPreference = "Stop"
$TaskName = "Ventanilla kiosk"
$Command = "`"$Exe`" run --config `"$Config`""

function Get-UserSid([string]$Name) {
    (New-Object System.Security.Principal.NTAccount($Name)).Translate([System.Security.Principal.SecurityIdentifier]).Value
}

function Get-ShellLauncher {
    [wmiclass]"\\localhost\root\standardcimv2\embedded:WESL_UserSetting"
}

switch ($Mode) {
    "LogonTask" {
        $action = New-ScheduledTaskAction -Execute $Exe -Argument "run --config `"$Config`""
        $trigger = New-ScheduledTaskTrigger -AtLogOn -User $User
        # Restarted after a crash; no time limit (the kiosk runs all day).
        $settings = New-ScheduledTaskSettingsSet -RestartCount 999 -RestartInterval (New-TimeSpan -Minutes 1) `
            -ExecutionTimeLimit ([TimeSpan]::Zero) -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries
        $principal = New-ScheduledTaskPrincipal -UserId $User -LogonType Interactive -RunLevel Limited
        Register-ScheduledTask -TaskName $TaskName -Action $action -Trigger $trigger -Settings $settings `
            -Principal $principal -Force | Out-Null
        Write-Output "Ventanilla starts when $User logs on (scheduled task '$TaskName')."
    }
    "ShellLauncher" {
        Enable-WindowsOptionalFeature -Online -FeatureName Client-EmbeddedShellLauncher -All -NoRestart | Out-Null
        $shell = Get-ShellLauncher
        $restartShell = 0  # when the kiosk exits: 0 restart it, 1 restart the device, 2 shut down, 3 nothing
        $shell.SetDefaultShell("explorer.exe", $restartShell) | Out-Null  # every other user keeps Explorer
        $shell.SetCustomShell((Get-UserSid $User), $Command, $null, $null, $restartShell) | Out-Null
        $shell.SetEnabled($true) | Out-Null
        Write-Output "Ventanilla is the shell of $User (Shell Launcher); sign in as $User to start it."
    }
    "Remove" {
        Unregister-ScheduledTask -TaskName $TaskName -Confirm:$false -ErrorAction SilentlyContinue
        try {
            (Get-ShellLauncher).RemoveCustomShell((Get-UserSid $User)) | Out-Null
        } catch {
            # No Shell Launcher on this edition, or no custom shell for this user: nothing to undo.
        }
        Write-Output "Ventanilla no longer starts for $User."
    }
}
