; Inno Setup script for the Windows kiosk. The Windows build is made ON WINDOWS (PyInstaller does not
; cross-compile): `make dist` there (or `.venv\Scripts\pyinstaller --noconfirm installer\pyinstaller\ventanilla.spec`)
; gives dist\ventanilla\ventanilla.exe and dist\ventanilla\_internal\, then `iscc installer\windows\ventanilla.iss`
; gives dist\ventanilla-setup-<version>.exe. tests/installer/test_windows_iss.py checks on Linux that every file
; named here exists in the frozen layout (ventanilla.exe there is `ventanilla` on Linux).
;
; Silent install for IT: ventanilla-setup.exe /VERYSILENT /TASKS="logontask" /KIOSKUSER=kiosk

#define AppName "Ventanilla"
#define AppVersion "0.1.0"
#define AppExe "ventanilla.exe"
#define DistDir "..\..\dist\ventanilla"
#define ConfigFile "{commonappdata}\Ventanilla\kiosk.toml"

[Setup]
AppId={{6E1C1B7A-4B8C-4F0E-9E0D-5A7C2D1F3B21}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Ventanilla
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=ventanilla-setup-{#AppVersion}
Compression=lzma2/fast
SolidCompression=yes
UninstallDisplayIcon={app}\{#AppExe}
CloseApplications=force

[Tasks]
Name: "logontask"; Description: "Start the kiosk when the kiosk user logs on (scheduled task, any Windows edition)"; Flags: exclusive
Name: "shelllauncher"; Description: "Make the kiosk the kiosk user's shell (Shell Launcher: Enterprise, Education, IoT)"; Flags: exclusive unchecked

[Files]
Source: "{#DistDir}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#DistDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "shell-launcher.ps1"; DestDir: "{app}\installer"; Flags: ignoreversion
Source: "..\..\README.md"; DestDir: "{app}"; Flags: ignoreversion

[Dirs]
; The kiosk's configuration, replica and logs: writable by the kiosk user, kept on uninstall.
Name: "{commonappdata}\Ventanilla"; Permissions: users-modify; Flags: uninsneveruninstall

[Icons]
Name: "{autoprograms}\{#AppName} selftest"; Filename: "{app}\{#AppExe}"; Parameters: "selftest"
Name: "{autoprograms}\{#AppName} doctor"; Filename: "{app}\{#AppExe}"; Parameters: "doctor --config ""{#ConfigFile}"""

[Run]
Filename: "{app}\{#AppExe}"; Parameters: "selftest"; StatusMsg: "Checking the installation (selftest)..."; Flags: runhidden waituntilterminated
Filename: "powershell.exe"; Parameters: "-NoProfile -ExecutionPolicy Bypass -File ""{app}\installer\shell-launcher.ps1"" -Mode LogonTask -User ""{param:KioskUser|kiosk}"" -Exe ""{app}\{#AppExe}"" -Config ""{#ConfigFile}"""; Tasks: logontask; Flags: runhidden waituntilterminated
Filename: "powershell.exe"; Parameters: "-NoProfile -ExecutionPolicy Bypass -File ""{app}\installer\shell-launcher.ps1"" -Mode ShellLauncher -User ""{param:KioskUser|kiosk}"" -Exe ""{app}\{#AppExe}"" -Config ""{#ConfigFile}"""; Tasks: shelllauncher; Flags: runhidden waituntilterminated

[UninstallRun]
Filename: "powershell.exe"; Parameters: "-NoProfile -ExecutionPolicy Bypass -File ""{app}\installer\shell-launcher.ps1"" -Mode Remove -User ""{param:KioskUser|kiosk}"""; RunOnceId: "RemoveKioskStart"; Flags: runhidden waituntilterminated
