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

# The inbox flow over a copy of the samples (the inbox files what it takes:
# the bundled samples themselves are never moved), then a committee pack.
DEMO := out/demo
demo: setup
	@rm -rf $(DEMO) && mkdir -p $(DEMO)/depot && cp -r samples/dossiers/. $(DEMO)/depot/
	@$(BIN)/expe-ct inbox --once --inbox $(DEMO)/depot --home $(DEMO)/donnees
	@echo "(Les rapports d'exemple arrivent aujourd'hui, bien après leurs missions : le délai de deux mois du §III.3 est dépassé, d'où « incomplet ».)"
	@$(BIN)/expe-ct pack --comite $$(date -d '+7 days' +%F) --home $(DEMO)/donnees --out $(DEMO)/comite
	@echo "Dossier du comité : $(DEMO)/comite/pack.pdf (et pack.html, pack.csv)"
	@echo "Poste d'instruction : créez un compte (le mot de passe est lu sur l'entrée standard) avec « $(BIN)/expe-ct utilisateurs ajouter VOTRE-IDENTIFIANT --role instructeur --home $(DEMO)/donnees », puis lancez « $(BIN)/expe-ct web --home $(DEMO)/donnees » et ouvrez http://127.0.0.1:8765/"

test: setup
	@$(BIN)/python -m pytest -q

bench: setup
	@$(BIN)/python bench/run.py

samples: setup
	@$(BIN)/python -m samples.generate

clean:
	rm -rf $(VENV) .pytest_cache
