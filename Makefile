# The two commands of the README: `make run` and `make test`. Both set up what
# they need (tools/setup.sh) and are safe to re-run.
.PHONY: run test lint i18n bench setup db-stop

run:
	@bash tools/run.sh

test:
	@bash tools/test.sh

lint:
	@bash tools/lint.sh

i18n:
	@bash tools/i18n.sh $(ADDONS)

bench:
	@bash tools/bench.sh

setup:
	@bash tools/setup.sh

db-stop:
	@bash tools/pg.sh stop
