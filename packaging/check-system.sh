#!/usr/bin/env bash
# Checks that the Debian packages CNAIM Desk needs are installed, and installs the missing
# ones when it may (as root, or through password-less sudo).
#
#   packaging/check-system.sh              what the application needs to run
#   packaging/check-system.sh --for test   that, plus what the test suite needs
#
# The list comes from the shared libraries that the PySide6 wheels' Qt libraries and
# plugins link against (readelf -d / ldd), mapped to Debian 12 packages with dpkg -S.
# Libraries every dpkg-based system already has (libc6, libstdc++6, libgcc-s1, zlib1g,
# libzstd1, libbz2-1.0) are not listed. Libraries pulled in by the ones below (libxcb1's
# libxau6, libxrandr2's libxrender1, the Mesa drivers behind libgl1 and libegl1, ...)
# come with them.
set -euo pipefail

# Qt Core and Gui on every platform, offscreen included.
CORE_PACKAGES=(
    libglib2.0-0     # Core event loop, Gui; gio for the network-information plugin
    libdbus-1-3      # QtDBus, which Gui loads
    libgl1           # Gui, Widgets, OpenGL
    libegl1          # Gui, Multimedia
    libfontconfig1   # Gui
    libfreetype6     # Gui
    libxkbcommon0    # Gui, keyboard handling
    libx11-6         # Gui, the offscreen platform plugin
    libgssapi-krb5-2 # QtNetwork
    libbrotli1       # QtNetwork
)

# A real screen: the xcb (X11) platform plugin and its GL integrations, and Wayland.
SCREEN_PACKAGES=(
    libx11-xcb1
    libxcb1
    libxcb-cursor0
    libxcb-glx0
    libxcb-icccm4
    libxcb-image0
    libxcb-keysyms1
    libxcb-randr0
    libxcb-render0
    libxcb-render-util0
    libxcb-shape0
    libxcb-shm0
    libxcb-sync1
    libxcb-util1
    libxcb-xfixes0
    libxcb-xkb1
    libxkbcommon-x11-0
    libwayland-client0
    libwayland-cursor0
    libwayland-egl1
)

# Calling sounds, spoken calls and ticket printing.
MEDIA_PACKAGES=(
    libpulse0   # QtMultimedia does not load without it
    libdrm2     # the bundled FFmpeg (libavutil)
    libxext6    # the FFmpeg media plugin
    libxrandr2  # the FFmpeg media plugin
    libspeechd2 # QtTextToSpeech's speech-dispatcher engine
    libcups2    # QtPrintSupport's CUPS plugin
)

# The test suite: a real X server for the tests that need one, CUPS for a private
# print scheduler with a virtual PDF printer (tests/printing/cups_server.py), and `ip`
# for the sync's partition tests between network namespaces (tests/e2e/test_sync_processes.py).
TEST_PACKAGES=(
    xvfb
    xauth
    xdotool
    cups        # cupsd (through cups-daemon)
    cups-client # lpadmin, lpstat, cupsdisable, cupsreject
    iproute2    # ip netns, veth pairs
)

usage() {
    cat <<'EOF'
Usage: packaging/check-system.sh [--for run|test]

Checks that the Debian packages CNAIM Desk needs are installed. Missing ones are
installed with apt-get when running as root or with password-less sudo; otherwise the
command to install them is printed and the exit status is 1.

  --for run    what the application needs (the default)
  --for test   that, plus what the test suite needs (Xvfb, xdotool, CUPS, iproute2)
EOF
}

purpose=run
while (($# > 0)); do
    case "$1" in
    --for)
        (($# >= 2)) || {
            usage >&2
            exit 2
        }
        purpose=$2
        shift 2
        ;;
    --for=*)
        purpose=${1#--for=}
        shift
        ;;
    -h | --help)
        usage
        exit 0
        ;;
    *)
        echo "check-system: unknown argument: $1" >&2
        usage >&2
        exit 2
        ;;
    esac
done

wanted=("${CORE_PACKAGES[@]}" "${SCREEN_PACKAGES[@]}" "${MEDIA_PACKAGES[@]}")
case "$purpose" in
run) ;;
test) wanted+=("${TEST_PACKAGES[@]}") ;;
*)
    echo "check-system: --for takes 'run' or 'test', not '$purpose'" >&2
    exit 2
    ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "warning: dpkg-query not found: cannot check the system libraries on this system." >&2
    echo "warning: Qt needs the equivalents of these Debian packages: ${wanted[*]}" >&2
    exit 0
fi

# Installed means dpkg's status letter is 'i'. Debian 13 and Ubuntu 24.04 renamed some
# libraries with a t64 suffix (libglib2.0-0t64, libcups2t64): either name will do.
is_installed() {
    local name status
    for name in "$1" "$1t64"; do
        status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$name" 2>/dev/null) || continue
        [[ ${status:1:1} == i ]] && return 0
    done
    return 1
}

missing_packages() {
    local package
    for package in "${wanted[@]}"; do
        is_installed "$package" || printf '%s\n' "$package"
    done
}

mapfile -t missing < <(missing_packages)
if ((${#missing[@]} == 0)); then
    echo "System libraries: all present."
    exit 0
fi

echo "Missing Debian packages: ${missing[*]}"

as_root=()
if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    as_root=()
elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1 &&
    sudo -n true 2>/dev/null; then
    as_root=(sudo)
else
    echo "Install them with:" >&2
    echo "  sudo apt-get install -y ${missing[*]}" >&2
    exit 1
fi

# apt-get update only when apt does not know a package yet (a fresh system has no lists).
needs_update=false
for package in "${missing[@]}"; do
    candidate=$(apt-cache policy "$package" 2>/dev/null | awk '/Candidate:/ {print $2}')
    if [[ -z $candidate || $candidate == "(none)" ]]; then
        needs_update=true
        break
    fi
done

apt_install() {
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y --no-install-recommends "${missing[@]}"
}

if $needs_update; then
    "${as_root[@]}" apt-get update
    apt_install
elif ! apt_install; then
    # The package lists may be stale (a version no longer on the mirror): refresh, retry.
    "${as_root[@]}" apt-get update
    apt_install
fi

mapfile -t still_missing < <(missing_packages)
if ((${#still_missing[@]} > 0)); then
    echo "check-system: still missing after apt-get install: ${still_missing[*]}" >&2
    exit 1
fi
echo "System libraries: installed ${missing[*]}; all present."
