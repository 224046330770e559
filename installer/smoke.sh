#!/usr/bin/env bash
# Bundle smoke test (issue 8), the last step of .ci/run; also runs by hand: bash installer/smoke.sh
#
#  1. builds the Linux one-dir bundle + .tar.gz from a clean venv (installer/build.py),
#  2. unpacks the archive and runs the FROZEN executable headless with a temporary data dir:
#     --version, init, demo-data, screenshot, the window for 5 s, a failing init (exit code 2), and, when the CLI has
#     them, `print sheet` blank and filled from a demo dossier; each must exit as expected, print
#     no traceback and write a non-empty PNG/PDF (the PDFs must embed the bundled font),
#  3. compiles installer/ocop_desktop.nsi with makensis against a stub payload,
#  4. prints sizes and times as JSON and a closing "smoke: N passed, 0 failed" line.
#
# Installs what it needs when missing (Debian): nsis, and libpython3.X if the interpreter's
# shared library is absent (PyInstaller bundles it). Takes about 80 s on 2 cores (warm uv cache).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
apt_install() {
  echo "[smoke] installing $*"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

UV=(uv)
command -v uv >/dev/null 2>&1 || UV=(python3 -m uv)
PYTHON=$("${UV[@]}" python find)  # the project's interpreter (the bundle is built with it)
echo "[smoke] python: $PYTHON"

command -v makensis >/dev/null 2>&1 || apt_install nsis
# PyInstaller bundles the shared libpython; Debian's python3 binary does not need it, so the
# package libpython3.X may be missing (pyenv and python.org builds ship the library).
read -r PYV HAS_LIBPYTHON < <("$PYTHON" -c '
import ctypes.util, os, sys, sysconfig
v = f"{sys.version_info[0]}.{sys.version_info[1]}"
dirs = {sysconfig.get_config_var("LIBDIR") or "", os.path.join(sys.base_prefix, "lib")}
here = any(os.path.exists(os.path.join(d, f"libpython{v}.so.1.0")) for d in dirs if d)
print(v, int(here or ctypes.util.find_library(f"python{v}") is not None))')
if [ "$HAS_LIBPYTHON" = 0 ] && command -v apt-get >/dev/null; then
  apt_install "libpython${PYV}"
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/ocop-smoke.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
PASSED=0

# -- 1. build -------------------------------------------------------------------------------
T=$(now)
"$PYTHON" installer/build.py > "$WORK/build.json"
BUILD_WALL=$(since "$T")
json() { "$PYTHON" -c 'import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$WORK/build.json" "$1"; }
VERSION=$(json version)
ARCHIVE=$(json archive)
[ -s "$ARCHIVE" ] || { echo "[smoke] FAIL: no archive $ARCHIVE"; exit 1; }
PASSED=$((PASSED + 1))

# -- 2. run the frozen executable from the unpacked archive ---------------------------------------
mkdir -p "$WORK/unpacked"
tar -xzf "$ARCHIVE" -C "$WORK/unpacked"
EXE="$WORK/unpacked/ocop-desktop-$VERSION/ocop-desktop"
[ -x "$EXE" ] || { echo "[smoke] FAIL: $EXE missing or not executable"; exit 1; }
export QT_QPA_PLATFORM=offscreen
DATA="$WORK/data"
RUN_TIMES=()

# run NAME EXPECTED_EXIT_CODE ARGS... : run the frozen app, check its exit code and stderr.
run() {
  local name=$1 expected=$2; shift 2
  local t rc=0
  t=$(now)
  "$EXE" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" || rc=$?
  RUN_TIMES+=("\"$name\": $(since "$t")")
  head -n 4 "$WORK/$name.out" | sed "s/^/[smoke]   $name| /"
  if [ "$rc" != "$expected" ]; then
    echo "[smoke] FAIL: ocop-desktop $* exited $rc, expected $expected"; cat "$WORK/$name.err"; exit 1
  fi
  if grep -Eq "Traceback|ModuleNotFoundError|ImportError|No module named|FileNotFoundError" "$WORK/$name.err"; then
    echo "[smoke] FAIL: ocop-desktop $* wrote an error to stderr:"; cat "$WORK/$name.err"; exit 1
  fi
  grep -v "propagateSizeHints" "$WORK/$name.err" | sed "s/^/[smoke]   $name (stderr)| /" || true
  PASSED=$((PASSED + 1))
}
need_file() {  # need_file PATH HEX: exists, is non-empty and starts with the bytes HEX
  if [ ! -s "$1" ] || [ "$(head -c $((${#2} / 2)) "$1" | od -An -tx1 | tr -d ' \n')" != "$2" ]; then
    echo "[smoke] FAIL: $1 is missing, empty or of the wrong type"; exit 1
  fi
}

run version 0 --version
grep -qx "ocop-desktop $VERSION" "$WORK/version.out" || { echo "[smoke] FAIL: --version is not $VERSION"; exit 1; }
run init 0 --data-dir "$DATA" init --role commune --unit 00070 --officer "Nguyễn Văn An"
[ -s "$DATA/ocop.sqlite3" ] || { echo "[smoke] FAIL: no database after init"; exit 1; }
run demo 0 --data-dir "$DATA" demo-data --scale commune
run screenshot 0 --data-dir "$DATA" screenshot "$WORK/shot.png" --view producers
need_file "$WORK/shot.png" 89504e47  # \x89PNG
# The window itself (no command): must start and still be running after a few seconds.
"$EXE" --data-dir "$DATA" >"$WORK/gui.out" 2>"$WORK/gui.err" &
GUI_PID=$!
sleep 5
if ! kill -0 "$GUI_PID" 2>/dev/null; then
  rc=0; wait "$GUI_PID" || rc=$?
  echo "[smoke] FAIL: the window closed by itself within 5 s (exit code $rc)"; cat "$WORK/gui.err"; exit 1
fi
kill "$GUI_PID"; wait "$GUI_PID" 2>/dev/null || true
if grep -Eq "Traceback|ModuleNotFoundError|ImportError" "$WORK/gui.err"; then
  echo "[smoke] FAIL: the window wrote an error to stderr:"; cat "$WORK/gui.err"; exit 1
fi
echo "[smoke]   gui| started and ran for 5 s"
PASSED=$((PASSED + 1))
run bad_unit 2 --data-dir "$WORK/data-bad" init --role commune --unit 99999 --officer "X"
run help 0 --help
has_command() { grep -Eq "^[[:space:]]+$1[[:space:]]" "$WORK/help.out"; }
pdf_embeds_bundled_font() {  # the frozen app found resources/fonts: the font's name is in the PDF's font dictionary
  if ! grep -aq "LiberationSerif" "$1"; then
    echo "[smoke] FAIL: $1 does not embed the bundled Liberation Serif"; exit 1
  fi
}
if has_command print; then
  run print_blank 0 --data-dir "$DATA" print sheet --set 1 -o "$WORK/sheet.pdf"
  need_file "$WORK/sheet.pdf" 25504446  # %PDF
  pdf_embeds_bundled_font "$WORK/sheet.pdf"
  if has_command dossiers; then  # a sheet filled from the first demo dossier
    run dossiers 0 --data-dir "$DATA" dossiers list --json
    DOSSIER=$("$PYTHON" -c 'import json, sys; rows = json.load(open(sys.argv[1])); print(rows[0]["id"] if rows else "")' "$WORK/dossiers.out")
    if [ -n "$DOSSIER" ]; then
      run print_filled 0 --data-dir "$DATA" print sheet --dossier "$DOSSIER" -o "$WORK/sheet-filled.pdf"
      need_file "$WORK/sheet-filled.pdf" 25504446
      pdf_embeds_bundled_font "$WORK/sheet-filled.pdf"
    fi
  fi
else
  echo "[smoke] no 'print' command in this CLI yet: print step skipped"
fi

# -- 3. NSIS script against a stub payload --------------------------------------------------
"$PYTHON" installer/nsis_check.py --workdir "$WORK/nsis" > "$WORK/nsis.json"
PASSED=$((PASSED + 1))

# -- 4. report ---------------------------------------------------------------------------------
RUNS="{$(IFS=,; echo "${RUN_TIMES[*]}")}"
"$PYTHON" - "$WORK/build.json" "$WORK/nsis.json" "$RUNS" "$BUILD_WALL" <<'EOF'
import json, sys
build, nsis = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
mb = lambda n: round(n / 1e6, 1)
print(json.dumps({
    "version": build["version"],
    "bundle_mb": mb(build["bundle_bytes"]), "bundle_files": build["bundle_files"],
    "archive": build["archive"].rsplit("/", 1)[-1], "archive_mb": mb(build["archive_bytes"]),
    "nsis_stub_installer_kb": round(nsis["installer_bytes"] / 1e3, 1),
    "seconds": {"build_total": float(sys.argv[4]), "venv": build["venv_seconds"],
                "pyinstaller": build["pyinstaller_seconds"], "archive": build["archive_seconds"],
                "makensis_stub": nsis["makensis_seconds"], "runs": json.loads(sys.argv[3])},
}, indent=2))
EOF
echo "smoke: $PASSED passed, 0 failed"
