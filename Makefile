# Deux commandes font toute l'installation sur une machine neuve :
#   make site   installe ce qu'il faut, construit le site (site/) et l'édition hors ligne (dist/)
#   make test   installe ce qu'il faut (dont Chromium et faketime de Debian) et passe tous les tests
#   make lock   met à jour requirements.txt, le verrou (versions les plus récentes permises par pyproject.toml)
VENV ?= .venv
PY := $(VENV)/bin/python
LOCK := requirements.txt
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml $(LOCK) | cksum | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: install site test validate rapport schemas serve browser bench bench-scale bench-search lint lock clean screenshots

# Dépendances Python : exactement celles du verrou, vérifiées par leur empreinte (sha256) ;
# puis le projet lui-même, sans dépendances ni téléchargement (setuptools vient du verrou).
$(STAMP): pyproject.toml $(LOCK)
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r $(LOCK)
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	rm -f $(VENV)/.installed-*
	touch $@

# Recalcule le verrou depuis PyPI (seule commande qui change les versions ; relancez ensuite make test).
# `make lock LOCK_ARGS=` ajoute une dépendance nouvelle sans monter les autres versions.
LOCK_ARGS ?= --upgrade
lock:
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet pip-tools
	env -u PIP_FIND_LINKS PIP_CONFIG_FILE=/dev/null $(VENV)/bin/pip-compile --quiet $(LOCK_ARGS) --generate-hashes \
	  --allow-unsafe --all-build-deps --strip-extras --extra test --index-url https://pypi.org/simple --no-emit-index-url \
	  --output-file $(LOCK) pyproject.toml

# Paquets npm : fond de carte Natural Earth, codes pays, polyfill de recherche hors ligne.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nodejs npm >/dev/null; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(STAMP) node_modules/.installed

site: install
	$(PY) -m coopdec publish

validate: install
	$(PY) -m coopdec validate

# Notes des éditeurs (page déduite, casse restituée…) : jamais publiées, listées ici.
rapport: install
	$(PY) -m coopdec rapport

schemas: install
	$(PY) -m coopdec schemas

# --dirty : après une modification, seules les pages dont le Markdown change sont reconstruites (coopdec.incremental).
serve: install
	$(VENV)/bin/mkdocs serve --dirty

# Chromium de Debian pour les tests en navigateur réel (aucun téléchargement de navigateur),
# faketime pour reconstruire le site à une autre date système (test de reproductibilité).
browser:
	@test -x /usr/bin/chromium -a -x /usr/bin/faketime || { \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium faketime >/dev/null; }

test: install browser
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check src hooks tests
	$(VENV)/bin/yamllint --strict .

# Mesures (affichent des chiffres, n'échouent jamais sur un temps) : site réel, boucle des éditeurs, explorateur.
bench: install browser
	nice -n 10 $(PY) benchmarks/bench_site.py
	nice -n 10 $(PY) benchmarks/bench_serve.py
	nice -n 10 $(PY) benchmarks/bench_explorer.py
	$(MAKE) bench-search

# À l'échelle (plusieurs minutes) : 1 000, 10 000 et 20 000 programmes, contacts à moitié.
bench-scale: install browser
	nice -n 10 $(PY) benchmarks/bench_catalogue.py --sizes 1000 10000 20000
	nice -n 10 $(PY) benchmarks/bench_site.py --sizes 1000 10000 20000

# Recherche dans Chromium, http et file:// : 1 000, 10 000 et 20 000 programmes, et le site réel
# à côté de la recherche de Material (une vingtaine de minutes sur une machine chargée).
bench-search: install browser
	cd benchmarks && nice -n 10 ../$(PY) bench_search.py

clean:
	rm -rf site dist build .site.partial .site.old node_modules

# Captures d'écran (1366 px et 390 px) d'une liste fixe de pages, dans captures/ (ignoré par git).
screenshots: site browser
	$(PY) scripts/screenshots.py --site site --out captures
