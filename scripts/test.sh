#!/usr/bin/env bash
# README command 2: set up everything the tests need (Debian chromium and nginx included), lint,
# type-check and run the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
VENV="${GONGKAI_VENV:-.venv}"
"$VENV/bin/ruff" check generator tests scripts
"$VENV/bin/mypy" generator
"$VENV/bin/pytest" -q "$@"
