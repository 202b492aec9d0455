#!/usr/bin/env bash
# Installs Debian packages for a setup script (setup:interop, setup:browser):
#   bash chapters/shared/apt-install.sh "what for" PACKAGE...
# As root directly, otherwise through sudo; where neither works, prints the
# command to run by hand and exits 1.
set -euo pipefail

purpose="$1"
shift
packages=("$@")

if ! command -v apt-get >/dev/null; then
  echo "$purpose needs apt-get (Debian or Ubuntu). Install these packages' equivalents by hand:" >&2
  echo "  ${packages[*]}" >&2
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null; then
  as_root=(sudo)
else
  echo "$purpose must install packages as root, and sudo is not available. As root, run:" >&2
  echo "  apt-get update && apt-get install -y --no-install-recommends ${packages[*]}" >&2
  exit 1
fi

"${as_root[@]}" apt-get update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${packages[@]}"
