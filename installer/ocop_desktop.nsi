; OCOP Desktop: Windows setup (NSIS 3, 64-bit, Unicode, per user, no administrator rights).
;
; Normally run by installer/build.py on Windows after PyInstaller. By hand:
;   makensis -DVERSION=0.1.0 -DDISTDIR=C:\path\to\dist\ocop-desktop installer\ocop_desktop.nsi
; makensis changes into this folder first, so the relative paths below are relative to installer\.
; Overrides (all optional):
;   -DVERSION=x.y.z       default: read from pyproject.toml
;   -DVERSION_QUAD=a.b.c.d  Windows file version, default: ${VERSION}.0
;   -DDISTDIR=path        the PyInstaller one-dir bundle, default: ..\dist\ocop-desktop
;   -DOUTFILE=path        default: ..\dist\ocop-desktop-${VERSION}-windows-x64-setup.exe
;
; The program goes to %LOCALAPPDATA%\Programs\OCOP Desktop. The user's data (database, files,
; keys, logs) lives elsewhere, in %LOCALAPPDATA%\OCOP\OCOP Desktop (platformdirs), so neither
; an upgrade nor the uninstaller touches it.

Unicode true
Target amd64-unicode
ManifestDPIAware true
SetCompressor /SOLID lzma  ; default 8 MB dictionary: 64 MB saved 1.5 % for 60 % more time

!define APPNAME "OCOP Desktop"
!define EXENAME "ocop-desktop.exe"
!define CLI_EXENAME "ocop-desktop-cli.exe"
!define PUBLISHER "OCOP Desktop team"
!define UNINSTALLER "Uninstall.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPNAME}"
; The installer's own key. NOT "Software\OCOP\OCOP Desktop": that is where QSettings keeps the
; application's settings, which are user data and survive an uninstall.
!define INSTALLER_KEY "Software\OCOP\OCOP Desktop Installer"

!ifndef VERSION
  !searchparse /file "..\pyproject.toml" `version = "` VERSION `"`
!endif
!ifndef VERSION_QUAD
  !define VERSION_QUAD "${VERSION}.0"
!endif
!ifndef DISTDIR
  !define DISTDIR "..\dist\ocop-desktop"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\dist\ocop-desktop-${VERSION}-windows-x64-setup.exe"
!endif
!ifndef ICON
  !define ICON "..\resources\icons\ocop-desktop.ico"
!endif
!if /FileExists "${DISTDIR}\${EXENAME}"
!else
  !error "No ${EXENAME} in DISTDIR=${DISTDIR}: build the bundle first (python installer\build.py)"
!endif

!include "MUI2.nsh"
!include "FileFunc.nsh"

Name "${APPNAME}"
OutFile "${OUTFILE}"
BrandingText "${APPNAME} ${VERSION}"
InstallDir "$LOCALAPPDATA\Programs\${APPNAME}"
InstallDirRegKey HKCU "${INSTALLER_KEY}" "InstallDir"
RequestExecutionLevel user
ShowInstDetails hide
ShowUninstDetails hide

VIProductVersion "${VERSION_QUAD}"
VIFileVersion "${VERSION_QUAD}"

; -- Modern UI ----------------------------------------------------------------------------------
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_REGISTRY_ROOT "HKCU"
!define MUI_LANGDLL_REGISTRY_KEY "${INSTALLER_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "LICENSE-bundle.txt"
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXENAME}"
!define MUI_FINISHPAGE_TEXT "$(FINISH_TEXT)"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(UN_KEEP_DATA)"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!define MUI_FINISHPAGE_TEXT "$(UN_FINISH_TEXT)"
!insertmacro MUI_UNPAGE_FINISH

; The first language is the default: Vietnamese.
!insertmacro MUI_LANGUAGE "Vietnamese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

; -- Texts --------------------------------------------------------------------------------------
LangString SEC_APP ${LANG_VIETNAMESE} "Chương trình OCOP Desktop"
LangString SEC_APP ${LANG_ENGLISH} "OCOP Desktop program"
LangString SEC_DESKTOP ${LANG_VIETNAMESE} "Lối tắt trên màn hình nền"
LangString SEC_DESKTOP ${LANG_ENGLISH} "Desktop shortcut"
LangString DESC_APP ${LANG_VIETNAMESE} "Chương trình và lối tắt trong menu Start (bắt buộc)."
LangString DESC_APP ${LANG_ENGLISH} "The program and its Start menu shortcut (required)."
LangString DESC_DESKTOP ${LANG_VIETNAMESE} "Thêm biểu tượng OCOP Desktop lên màn hình nền."
LangString DESC_DESKTOP ${LANG_ENGLISH} "Put an OCOP Desktop icon on the desktop."
LangString FINISH_TEXT ${LANG_VIETNAMESE} "OCOP Desktop đã được cài vào máy.$\r$\n$\r$\nDữ liệu của bạn được lưu riêng trong thư mục $LOCALAPPDATA\OCOP\OCOP Desktop; cài bản mới hoặc gỡ cài đặt không xóa dữ liệu này."
LangString FINISH_TEXT ${LANG_ENGLISH} "OCOP Desktop has been installed.$\r$\n$\r$\nYour data is kept separately in $LOCALAPPDATA\OCOP\OCOP Desktop; upgrading or uninstalling does not delete it."
LangString UN_KEEP_DATA ${LANG_VIETNAMESE} "Chương trình OCOP Desktop sẽ được gỡ khỏi máy. Dữ liệu của bạn (cơ sở dữ liệu, hồ sơ, khóa ký, nhật ký) nằm trong $LOCALAPPDATA\OCOP\OCOP Desktop, không nằm trong thư mục cài đặt, và sẽ được GIỮ LẠI. Muốn xóa hẳn, hãy sao lưu rồi tự xóa thư mục đó."
LangString UN_KEEP_DATA ${LANG_ENGLISH} "The OCOP Desktop program will be removed. Your data (database, dossiers, signing keys, logs) is in $LOCALAPPDATA\OCOP\OCOP Desktop, not in the program folder, and will be KEPT. To remove it too, back it up and delete that folder yourself."
LangString UN_FINISH_TEXT ${LANG_VIETNAMESE} "Đã gỡ chương trình OCOP Desktop.$\r$\n$\r$\nDữ liệu vẫn còn trong $LOCALAPPDATA\OCOP\OCOP Desktop; cài lại chương trình sẽ dùng tiếp dữ liệu này."
LangString UN_FINISH_TEXT ${LANG_ENGLISH} "OCOP Desktop has been removed.$\r$\n$\r$\nYour data is still in $LOCALAPPDATA\OCOP\OCOP Desktop; installing the program again picks it up."

VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${APPNAME} ${VERSION} Setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "${PUBLISHER} (MIT)"

; -- Install ------------------------------------------------------------------------------------
Function .onInit
  SetShellVarContext current
  StrCpy $LANGUAGE ${LANG_VIETNAMESE}
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Section "!$(SEC_APP)" SecApp
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; An upgrade replaces the program wholesale: modules of an older version must not linger.
  RMDir /r "$INSTDIR\_internal"
  File /r "${DISTDIR}\*.*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"
  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\${EXENAME}" "" "$INSTDIR\${EXENAME}" 0

  WriteRegStr HKCU "${INSTALLER_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${EXENAME},0"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "$(SEC_DESKTOP)" SecDesktop
  SetShellVarContext current
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\${EXENAME}" "" "$INSTDIR\${EXENAME}" 0
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecApp} $(DESC_APP)
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} $(DESC_DESKTOP)
!insertmacro MUI_FUNCTION_DESCRIPTION_END

; -- Uninstall ----------------------------------------------------------------------------------
Function un.onInit
  SetShellVarContext current
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  Delete "$DESKTOP\${APPNAME}.lnk"
  ; Only what the installer put there (PyInstaller keeps everything but the .exe files in
  ; _internal). No recursive delete of $INSTDIR: the user may have chosen a shared folder.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXENAME}"
  Delete "$INSTDIR\${CLI_EXENAME}"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DeleteRegKey HKCU "${INSTALLER_KEY}"
  DeleteRegKey /ifempty HKCU "Software\OCOP"
  ; The data folder ($LOCALAPPDATA\OCOP\OCOP Desktop) is deliberately left alone.
SectionEnd
