#!/usr/bin/env bash
# npm run setup:browser: installs Debian's Chromium, which chapter 13's tests
# drive through playwright-core (no browser is ever downloaded by npm). Plain
# bash, so that .ci/run can call it before npm ci. Run from the repository root.
set -euo pipefail

PACKAGES=(chromium)

if ! command -v apt-get >/dev/null; then
  echo "setup:browser needs apt-get (Debian or Ubuntu). Install Chromium by hand and point CHROMIUM_PATH at it." >&2
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null; then
  as_root=(sudo)
else
  echo "setup:browser must install packages as root, and sudo is not available. As root, run:" >&2
  echo "  apt-get update && apt-get install -y --no-install-recommends ${PACKAGES[*]}" >&2
  exit 1
fi

"${as_root[@]}" apt-get update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${PACKAGES[@]}"
echo "Chromium installed at $(command -v chromium): npm test now runs chapter 13's browser tests"
