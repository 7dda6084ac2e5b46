# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint bench package clean demo

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python -m relationship_journal $(ARGS)

demo: $(STAMP)
	$(BIN)/python -m relationship_journal --demo

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks $(ARGS)

package: $(STAMP)
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN packaging/relationship_journal.spec
	QT_QPA_PLATFORM=offscreen dist/relationship-journal/relationship-journal --smoke
	@echo "Built dist/relationship-journal (smoke check passed)"

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache .mypy_cache
