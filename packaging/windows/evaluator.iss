; Inno Setup script: a per-user installer (no administrator rights) for the one-folder app
; that tools/build_app.sh builds into dist\evaluator\ (evaluator.exe, windowed, and the
; console companion evaluator-cli.exe).
;
;   iscc /DAppVersion=0.1.0 packaging\windows\evaluator.iss   ->  dist\evaluator-0.1.0-setup.exe
;
; It installs into %LOCALAPPDATA%\Programs\evaluator, adds Start-menu entries (the app and
; its uninstaller), and associates the two document types with the app, each with its icon:
;   .evpkg  评审包 (Evaluator package)    evaluator.package
;   .evdb   工作区 (Evaluator workspace)  evaluator.workspace
; so a double-click starts `evaluator.exe "<file>"` (ui.app hands the file to a running
; app instead of opening a second one). The associations live under HKCU (HKA with
; PrivilegesRequired=lowest) and are removed on uninstall. The same two types are
; declared for macOS (packaging/evaluator.spec, Info.plist) and Linux (packaging/linux).

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppExe "evaluator.exe"
#define AppCli "evaluator-cli.exe"
#define DistDir "..\..\dist\evaluator"

[Setup]
AppId={{8E6B0F52-3A1C-4C7B-9E2D-5F4A1B7C9D30}
AppName=联盟活跃度评审
AppVersion={#AppVersion}
AppVerName=联盟活跃度评审 {#AppVersion}
AppPublisher=evaluator
DefaultDirName={autopf}\evaluator
DefaultGroupName=联盟活跃度评审
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=evaluator-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\evaluator.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName=联盟活跃度评审
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
; Chinese first when this Inno Setup has it (an official translation since 6.4; older
; versions keep it in Languages\Unofficial), English always.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\Unofficial\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\Unofficial\ChineseSimplified.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\..\resources\icons\evaluator.ico"; DestDir: "{app}\icons"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\联盟活跃度评审"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\icons\evaluator.ico"; Comment: "产业技术创新战略联盟活跃度评价"
Name: "{autoprograms}\卸载 联盟活跃度评审"; Filename: "{uninstallexe}"
Name: "{autodesktop}\联盟活跃度评审"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\icons\evaluator.ico"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Registry]
; .evpkg -> evaluator.package (评审包)
Root: HKA; Subkey: "Software\Classes\.evpkg"; ValueType: string; ValueName: ""; ValueData: "evaluator.package"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.evpkg\OpenWithProgids"; ValueType: string; ValueName: "evaluator.package"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\evaluator.package"; ValueType: string; ValueName: ""; ValueData: "评审包"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\evaluator.package\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\icons\evaluator.ico,0"
Root: HKA; Subkey: "Software\Classes\evaluator.package\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; .evdb -> evaluator.workspace (工作区)
Root: HKA; Subkey: "Software\Classes\.evdb"; ValueType: string; ValueName: ""; ValueData: "evaluator.workspace"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.evdb\OpenWithProgids"; ValueType: string; ValueName: "evaluator.workspace"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\evaluator.workspace"; ValueType: string; ValueName: ""; ValueData: "工作区"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\evaluator.workspace\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\icons\evaluator.ico,0"
Root: HKA; Subkey: "Software\Classes\evaluator.workspace\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; "Open with" lists the app by its name.
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "联盟活跃度评审"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".evpkg"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".evdb"; ValueData: ""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,联盟活跃度评审}"; Flags: nowait postinstall skipifsilent
