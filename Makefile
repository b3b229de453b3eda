# newsframe — two commands do everything on a fresh machine:
#   make briefing   install, build data/ from seeds/, re-run every notebook, export the chart pack
#   make test       install, lint, unit tests, nbval over every notebook
# `make help` lists every target.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INPUT ?= seeds
STAMP := $(VENV)/.installed
PEER_VENV := .venv-peer
PEER_STAMP := $(PEER_VENV)/.installed
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9]*.ipynb))
PIP_FLAGS := --quiet --disable-pip-version-check --no-warn-script-location

.DEFAULT_GOAL := help
.PHONY: help install data notebooks briefing reproduce test test-unit test-notebooks test-browser lint format lab bench bench-peer bench-quality clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-15s %s\n", $$1, $$2}'

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "newsframe needs Python 3.11+"'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install $(PIP_FLAGS) --upgrade pip 2>&1 | grep -v "^WARNING: Location" || true
	$(BIN)/python -m pip install $(PIP_FLAGS) -r requirements.txt 2>&1 | grep -v "^WARNING: Location" || true
	$(BIN)/python -c 'import newsframe, pandas, matplotlib, textblob, nbval'
	@touch $@

install: $(STAMP) ## create .venv and install requirements.txt (newsframe itself with -e .)

data: $(STAMP) ## build data/ from $(INPUT)/ (make data INPUT=path/to/articles)
	$(BIN)/python -m newsframe build $(INPUT) --out data

notebooks: $(STAMP) ## re-execute every notebook in place (stored outputs are what nbval checks)
	$(BIN)/python -m newsframe notebooks --input $(INPUT) $(NOTEBOOKS)

briefing: data ## everything: install, build data/, re-run notebooks, export the chart pack to exports/
	rm -rf exports
	$(MAKE) notebooks
	@echo "chart pack:"; ls exports/*.pdf 2>/dev/null | sed 's/^/  /'


reproduce: briefing ## alias of briefing

lint: $(STAMP) ## ruff lint and format check
	$(BIN)/ruff check lib tests bench notebooks
	$(BIN)/ruff format --check lib tests bench

format: $(STAMP) ## apply ruff's formatting and safe fixes
	$(BIN)/ruff check --fix lib tests bench
	$(BIN)/ruff format lib tests bench

test-unit: $(STAMP) ## unit tests only
	$(BIN)/python -m pytest -q -p no:cacheprovider tests -m "not browser"

test-notebooks: $(STAMP) ## nbval: re-run every notebook and compare with its stored outputs
	$(BIN)/python -m pytest -q -p no:cacheprovider --nbval --nbval-current-env --nbval-sanitize-with notebooks/sanitize.cfg $(NOTEBOOKS)

test: lint test-unit test-notebooks ## lint, unit tests and nbval (what CI runs)

test-browser: $(STAMP) ## open every notebook in JupyterLab in headless Chromium, run all cells, screenshot
	@command -v chromium >/dev/null 2>&1 || { echo "needs Debian's chromium: apt-get install -y chromium"; exit 1; }
	$(BIN)/python -m pytest -q -p no:cacheprovider tests/browser -m browser

lab: $(STAMP) ## open JupyterLab on the project kernel
	$(BIN)/jupyter lab --notebook-dir=notebooks

bench: $(STAMP) ## build speed and memory vs TextBlob alone (figures printed, not asserted)
	$(BIN)/python bench/build_speed.py

# The peer gets its own virtualenv: spaCy and textacy pull in scipy and scikit-learn, which nltk
# (under TextBlob) then imports too, doubling newsframe's start-up if they shared .venv.
$(PEER_STAMP): bench/requirements-peer.txt
	@test -x $(PEER_VENV)/bin/python || $(PYTHON) -m venv $(PEER_VENV)
	$(PEER_VENV)/bin/python -m pip install $(PIP_FLAGS) -r bench/requirements-peer.txt 2>&1 | grep -v "^WARNING: Location" || true
	@touch $@

bench-peer: $(STAMP) $(PEER_STAMP) ## newsframe vs spaCy+textacy+TextBlob (in .venv-peer): speed, memory, quote quality
	$(BIN)/python bench/compare_peer.py --peer-python $(PEER_VENV)/bin/python --dask

bench-quality: $(STAMP) ## precision/recall of statements, events, frames and tone on the hand-checked sets
	$(BIN)/python bench/statements_quality.py
	$(BIN)/python bench/events_quality.py
	$(BIN)/python bench/tone_quality.py
	$(BIN)/python bench/sentence_splitters.py

clean: ## remove the virtualenvs and generated exports (data/ is kept: it is committed)
	rm -rf $(VENV) $(PEER_VENV) exports .pytest_cache .ruff_cache
