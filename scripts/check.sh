#!/usr/bin/env bash
# The code checks: lint, formatting and types (the layers are checked in the test suite,
# tests/repo/test_architecture.py). Fast; run it before every commit, or let pre-commit.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/ruff check plugins tests benchmarks scripts
.venv/bin/ruff format --check plugins tests benchmarks scripts
.venv/bin/mypy
