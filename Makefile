# make demo : installe ce qui manque puis analyse les dossiers d'exemple
# make test : installe ce qui manque puis lance les tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup system demo test bench samples clean

setup: system $(STAMP)

system:
	@bash scripts/install-system.sh

$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/pip install -q --disable-pip-version-check -r requirements.lock
	@$(BIN)/pip install -q --disable-pip-version-check --no-deps -e .
	@touch $(STAMP)

demo: setup
	@$(BIN)/expe-ct analyse samples/dossiers/*

test: setup
	@$(BIN)/python -m pytest -q

bench: setup
	@$(BIN)/python bench/run.py

samples: setup
	@$(BIN)/python -m samples.generate

clean:
	rm -rf $(VENV) .pytest_cache
