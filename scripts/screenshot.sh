#!/usr/bin/env bash
# Render HTML reports to PNG screenshots with headless Chromium, to check them by eye.
#   usage: scripts/screenshot.sh REPORT.html [REPORT.html ...] OUTDIR
# Writes OUTDIR/<name>.png (1280 px wide, 2000 px tall) for each HTML file.
# Needs Chromium: apt-get install chromium (Debian/Ubuntu). Set CHROMIUM=/path to use another.
set -euo pipefail

if [ "$#" -lt 2 ]; then
    echo "usage: $0 REPORT.html [REPORT.html ...] OUTDIR" >&2
    exit 2
fi

CHROMIUM="${CHROMIUM:-}"
if [ -z "$CHROMIUM" ]; then
    for c in /usr/bin/chromium chromium chromium-browser google-chrome; do
        if command -v "$c" >/dev/null 2>&1; then CHROMIUM="$(command -v "$c")"; break; fi
    done
fi
if [ -z "$CHROMIUM" ] || ! [ -x "$CHROMIUM" ]; then
    echo "error: Chromium not found (looked for /usr/bin/chromium, chromium, chromium-browser, google-chrome)." >&2
    echo "       install it with: sudo apt-get install chromium   (or set CHROMIUM=/path/to/chrome)" >&2
    exit 127
fi

args=("$@")
outdir="${args[-1]}"
unset 'args[-1]'
mkdir -p "$outdir"
outdir="$(cd "$outdir" && pwd)"

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT

# Chinese needs a CJK font. Many servers have none, so hand Chromium the Noto Sans CJK
# that bioparse installs in its venv (the noto-cjk-sans-otc package) via fontconfig.
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="${PYTHON:-$here/../.venv/bin/python}"
[ -x "$python" ] || python="python3"
fontdir="$("$python" -c 'import noto_cjk_sans_otc as n, os; print(os.path.dirname(str(n.FONT_PATH)))' 2>/dev/null || true)"
if [ -n "$fontdir" ]; then
    cat >"$profile/fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>$fontdir</dir>
  <cachedir>$profile/fontconfig-cache</cachedir>
</fontconfig>
CONF
    export FONTCONFIG_FILE="$profile/fonts.conf"
elif ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
    echo "warning: no CJK font found; Chinese may show as boxes (run make install, or apt-get install fonts-noto-cjk)" >&2
fi

status=0
for html in "${args[@]}"; do
    if [ ! -f "$html" ]; then
        echo "error: $html does not exist — run make report first" >&2
        status=1
        continue
    fi
    abs="$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
    png="$outdir/$(basename "${html%.*}").png"
    rm -f "$png"
    # Chromium prints harmless GPU/D-Bus noise on stderr; keep it in a log, show it on failure.
    log="$profile/chromium.log"
    if timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --disable-dev-shm-usage --hide-scrollbars --user-data-dir="$profile" \
        --window-size=1280,2000 --virtual-time-budget=5000 \
        --screenshot="$png" "file://$abs" >"$log" 2>&1 && [ -s "$png" ]; then
        echo "$png"
    else
        echo "error: Chromium could not render $html:" >&2
        tail -n 20 "$log" >&2
        status=1
    fi
done
exit "$status"
