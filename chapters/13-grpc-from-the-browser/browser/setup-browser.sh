#!/usr/bin/env bash
# npm run setup:browser: installs Debian's Chromium, which chapter 13's tests
# drive through playwright-core (no browser is ever downloaded by npm). Plain
# bash, so that .ci/run can call it before npm ci. Run from the repository root.
set -euo pipefail

bash chapters/shared/apt-install.sh setup:browser chromium
echo "Chromium installed at $(command -v chromium): npm test now runs chapter 13's browser tests"
