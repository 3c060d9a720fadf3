# Two commands do everything on a fresh machine (Python 3.11, pip, make):
#   make report   build the tables, figures and HTML reports from data/raw/
#   make test     run every test (unit tests, gold scorecard, notebooks through nbval)
# Both create and fill .venv/ on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
JOBS   ?= 1
RAW    ?= data/raw# the documents to build from: make report RAW=~/my_corpus
SIZES  ?= 100,1000,10000

.PHONY: install data report test score screenshots bench clean help

help:
	@echo "make report       build tables (data/processed), figures/ and reports/*.html (RAW=folder: another corpus)"
	@echo "make test         run all tests (pytest + nbval notebooks)"
	@echo "make data         build only the tables"
	@echo "make score        score the tables against ../shared/gold"
	@echo "make screenshots  render reports/index.html and two reports in headless Chromium"
	@echo "make bench        run the corpus-scale benchmark (benchmarks/; SIZES=100,1000 for a short run)"

$(STAMP): pyproject.toml
	@test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[report,test,fast,dask]"
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

install: $(STAMP)

data: $(STAMP)
	$(BIN)/bioparse build --raw $(RAW) --out data/processed --jobs $(JOBS)

report: data
	$(BIN)/bioparse report --notebooks notebooks --reports reports

test: data
	$(BIN)/python -m pytest tests
	$(BIN)/python -m pytest --nbval-lax --nbval-current-env -p no:cacheprovider notebooks

score: data
	$(BIN)/python ../shared/tools/score.py data/processed

screenshots: report
	@command -v chromium >/dev/null || { echo "installing Debian's chromium (needs root)"; apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
	bash scripts/screenshot.sh reports/index.html reports/02_priority_shift.html reports/06_diffusion.html figures/screenshots

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py --sizes $(SIZES)

clean:
	rm -rf data/processed/* data/interim reports/*.html figures/*.png figures/*.svg figures/*.pdf
