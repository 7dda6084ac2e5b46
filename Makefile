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
	# SQLCipher is in the bundle: encrypt a throw-away journal and read it back.
	app=dist/relationship-journal/relationship-journal; tmp=$$(mktemp -d); \
	printf 'package check passphrase\n' > $$tmp/secret; \
	$$app --data-dir $$tmp/data contacts >/dev/null && \
	$$app --data-dir $$tmp/data passphrase set --new-passphrase-file $$tmp/secret >/dev/null && \
	$$app --data-dir $$tmp/data --passphrase-file $$tmp/secret contacts >/dev/null; \
	status=$$?; rm -rf $$tmp; exit $$status
	@echo "Built dist/relationship-journal (smoke and encryption checks passed)"

clean:
	rm -rf .venv build dist .pytest_cache .ruff_cache .mypy_cache
