# The README's two commands: `make demo` and `make test`. Both set up .venv when needed.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench check-system clean templates serve

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"' \
	  || { echo "error: $(PYTHON) is older than 3.11; set PYTHON=python3.11"; exit 2; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) \
	  || { echo "error: could not create a virtual environment (Debian/Ubuntu: apt-get install python3-venv)"; exit 2; }
	$(PY) -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev]'
	@touch $(STAMP)

check-system: $(STAMP)
	@$(PY) -m pipeline.doctor

demo: check-system
	$(PY) -m pipeline demo -o out

# The intake service on this machine (SQLite and files in ./cs-sourcing-data); see docs/deploy.md.
serve: check-system
	$(PY) -m pipeline serve

test: check-system
	$(PY) -m ruff check pipeline tests bench
	$(PY) -m ruff format --check pipeline tests bench
	$(PY) -m pytest -q

lint: $(STAMP)
	$(PY) -m ruff check --fix pipeline tests bench
	$(PY) -m ruff format pipeline tests bench

bench: check-system
	$(PY) bench/run.py

templates: $(STAMP)
	$(PY) -m pipeline.template --refresh input_templates

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
