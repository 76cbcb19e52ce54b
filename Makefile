# The two set-up commands are `make run` and `make test`; both install what they need first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[embedded,dev,transcription]'
	@touch $(STAMP)

WEB := services/gateway/web

OIDC := tests/gateway/oidc

install: $(STAMP) $(WEB)/node_modules/.installed $(OIDC)/node_modules/.installed ## Create the virtualenv, install pinned packages and system tools

$(WEB)/node_modules/.installed: $(WEB)/package.json $(WEB)/package-lock.json | $(STAMP)
	$(BIN)/python -m embedded tools
	npm ci --prefix $(WEB) --no-audit --no-fund --loglevel=error
	@touch $@

# The OpenID provider the sign-in tests start (oidc-provider, pinned in its package-lock.json).
$(OIDC)/node_modules/.installed: $(OIDC)/package.json $(OIDC)/package-lock.json
	npm ci --prefix $(OIDC) --no-audit --no-fund --loglevel=error
	@touch $@

run: install ## Run the whole system locally (logs in .data/logs/; VERBOSE=1 streams them); Ctrl-C stops
	$(BIN)/python -m embedded run $(if $(filter-out 0 no false,$(VERBOSE)),--verbose)

test: install lint typecheck ## Run lint, type check and the whole test suite against real servers
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(STAMP) ## ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP) ## mypy (strict) on the services, contracts and embedded stack
	$(BIN)/mypy services contracts deploy/embedded

format: $(STAMP) ## Apply ruff's fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

contracts: $(STAMP) ## Regenerate the committed event schemas and AsyncAPI document
	$(BIN)/python -m contracts.generate

events: $(STAMP) ## Regenerate docs/events.md, the catalogue of events, producers and consumers
	$(BIN)/python -m services.catalogue

client: $(STAMP) ## Regenerate the typed Python client in clients/python from the OpenAPI document
	$(BIN)/python clients/generate.py

bench: install ## Run the benchmarks (they print figures; not part of `make test`)
	$(BIN)/python -m tests.bench

load: install ## Load test: 500 candidates, 20 reviewers, a bulk of 5,000 for ten minutes against the whole system, Prometheus scraping (prints figures; not part of `make test`)
	$(BIN)/python -m tests.load

chaos: install ## Chaos test: 100 candidates through the system while each service is killed and Kafka and MongoDB restart; fails on anything lost or duplicated
	$(BIN)/python -m tests.chaos

stack: install ## Start only the embedded servers and print their environment
	$(BIN)/python -m embedded up

clean: ## Remove the virtualenv and local data
	rm -rf $(VENV) .data

.PHONY: help install run test lint typecheck format contracts events bench load chaos stack clean
