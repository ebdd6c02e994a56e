# Routines for contributors; every target uses the project's .venv (made by scripts/tester.sh).
BIN := .venv/bin

.PHONY: setup check test format snapshots bench i18n

setup:
	sh scripts/tester.sh --co -q >/dev/null

check:
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

test:
	$(BIN)/pytest -q

format:
	$(BIN)/ruff format src tests scripts
	$(BIN)/ruff check --fix src tests scripts

snapshots:
	$(BIN)/pytest -q tests/tui --snapshot-update

bench:
	$(BIN)/python scripts/bench.py

i18n:
	$(BIN)/python scripts/i18n.py
