#!/usr/bin/env bash
# npm run setup:interop: installs the Debian packages that chapter 12's Python
# and Go peers need. Plain bash, so that .ci/run can call it before npm ci.
# Run from the repository root (npm run does that).
set -euo pipefail

PACKAGES=(
  python3-grpcio python3-grpc-tools python3-pkg-resources python3-numpy
  golang-go golang-google-grpc-dev golang-google-protobuf-dev
  # grpc-go 1.33 needs 1.4 or later of github.com/golang/protobuf for the code
  # protoc-gen-go 1.28 writes; this replaces the 1.3 that apt may pick instead.
  golang-github-golang-protobuf-1-5-dev
  protoc-gen-go protoc-gen-go-grpc
)

bash chapters/shared/apt-install.sh setup:interop "${PACKAGES[@]}"
echo "interop peers installed: npm test now runs chapter 12's pairings"

# The first Go build compiles grpc-go from source (a minute or more); doing it
# now spares the first test run. .ci/run does it after npm ci instead.
if [ -d node_modules ]; then
  echo "building the Go clients once, so that later runs find them cached..."
  node --import tsx chapters/12-python-and-go-peers/tools/go-clients.ts
fi
