#!/usr/bin/env bash
# README command 1: set up and build the bundled site into site/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
"${GONGKAI_VENV:-.venv}/bin/gongkai" build "$@"
