# Shortcuts for developers; run.sh and test.sh are what a newcomer runs (see README).
.PHONY: run test lint bench package clean

run:
	./run.sh $(ARGS)

test:
	./test.sh $(PYTEST_ARGS)

lint:
	scripts/bootstrap.sh
	.venv/bin/ruff check .
	.venv/bin/mypy

bench:
	scripts/bootstrap.sh
	QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks $(ARGS)

package:
	scripts/bootstrap.sh --test
	.venv/bin/pyinstaller --noconfirm --clean --log-level WARN packaging/relationship_journal.spec
	QT_QPA_PLATFORM=offscreen dist/relationship-journal/relationship-journal --smoke
	@echo "Built dist/relationship-journal (smoke check passed)"

clean:
	rm -rf .venv build dist .pytest_cache .ruff_cache .mypy_cache
