# Two commands (see README):
#   make run   - set up, build the graph from examples/papers.jsonl, write HTML + summary
#   make test  - set up (Python, Debian chromium, npm Cypher parser) and run the full test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
GRAPH  ?= kg-data/graph.json.gz

.PHONY: run test setup setup-test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-run

setup: $(VENV)/.installed-run

setup-test: $(VENV)/.installed-test
	bash scripts/install-test-deps.sh

run: setup
	$(BIN)/kg build examples/papers.jsonl --graph $(GRAPH)
	$(BIN)/kg export html --graph $(GRAPH) -o kg-data/graph.html
	$(BIN)/kg stats --graph $(GRAPH)
	@echo "Open kg-data/graph.html in a browser; query with: $(BIN)/kg query 'MATCH (m:Method) RETURN m.name LIMIT 5'"

test: setup-test
	$(BIN)/python -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) kg-data tools/node_modules
