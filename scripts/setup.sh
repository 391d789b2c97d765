#!/usr/bin/env bash
# Installs everything narrate needs on a Debian or Ubuntu machine that has Node 20+
# and npm: ffmpeg and eSpeak NG (its library, for the local voice) from apt (and, for
# the tests, Chromium), the npm packages, and the compiled CLI. Safe to run again: it
# only does what is missing.
#   bash scripts/setup.sh           what narrating needs
#   bash scripts/setup.sh --tests   also what the test suite needs
set -euo pipefail
cd "$(dirname "$0")/.."

apt_packages=()
command -v ffmpeg >/dev/null 2>&1 || apt_packages+=(ffmpeg)
# The local voice speaks with the eSpeak NG library when it is installed (five times faster
# than the WebAssembly build narrate falls back to); the apt package brings it and its data.
has_espeak_library() {
  command -v espeak-ng >/dev/null 2>&1 && { ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null; } | grep -q 'libespeak-ng\.so\.1 '
}
if ! has_espeak_library; then
  if command -v apt-get >/dev/null 2>&1; then
    apt_packages+=(espeak-ng)
  else
    echo "narrate setup: eSpeak NG's library (libespeak-ng.so.1) is not installed; the local voice will use its slower WebAssembly build. Install espeak-ng with your system's package manager for faster speech" >&2
  fi
fi
if [ "${1:-}" = "--tests" ]; then
  command -v chromium >/dev/null 2>&1 || apt_packages+=(chromium)
  command -v openssl >/dev/null 2>&1 || apt_packages+=(openssl)
fi

if [ ${#apt_packages[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "narrate setup: please install ${apt_packages[*]} with your system's package manager" >&2
    exit 1
  fi
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "narrate setup: run as root or install sudo to install ${apt_packages[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  echo "narrate setup: installing ${apt_packages[*]} with apt-get"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
fi

# npm ci also compiles the CLI (the "prepare" script).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
elif [ ! -f dist/cli.js ] || [ -n "$(find src -name '*.ts' -newer dist/cli.js -print -quit)" ]; then
  npm run --silent build
fi
