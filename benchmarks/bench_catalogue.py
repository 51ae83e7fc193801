"""Scale benchmark of the core: load + validate + render a synthetic catalogue.

Prints figures (no assertion): time and peak memory at growing sizes, up to
the national Atlas scale (10,000 programmes, 5,000 contacts, 140 countries),
and the time per record, which stays flat when nothing is quadratic.

    .venv/bin/python benchmarks/bench_catalogue.py [--sizes 1000 5000 10000]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import tempfile
import time
import tracemalloc
from pathlib import Path

import yaml

from coopdec.catalogue import load_catalogue
from coopdec.render import render_site

ROOT = Path(__file__).resolve().parent.parent


def write_synthetic(folder: Path, n_programmes: int, n_contacts: int) -> None:
    """The real data plus `n_programmes` programmes, `n_contacts` contacts and half as many
    organisations (Atlas-shaped records spread over the real zoned countries and thématiques).

    Starting from the real files keeps every page of the real site buildable (questions, key
    figures, ACTER…): the scale build is the real site grown to the Atlas's size."""
    shutil.copytree(ROOT / "data", folder)
    geo = yaml.safe_load((folder / "geographies.yaml").read_text(encoding="utf-8"))
    pays = [p["id"] for p in geo["pays"] if p.get("zone")]
    themes = [t["id"] for t in yaml.safe_load((folder / "thematiques.yaml").read_text(encoding="utf-8"))["thematiques"]]
    src = "source: {document: guide-2020, pages: \"43\"}\n  mis_a_jour: \"2020\""
    n_orgs = max(1, n_contacts // 2)
    with open(folder / "organisations.yaml", "a", encoding="utf-8") as f:
        for o in range(n_orgs):
            f.write(f"- id: synth-org-{o}\n  nom: Collectivité {o}\n  genre: collectivite-francaise\n  {src}\n")
    with open(folder / "contacts.yaml", "a", encoding="utf-8") as f:
        for c in range(n_contacts):
            f.write(f"- id: synth-contact-{c}\n  nom: Élise Martin {c}\n  fonction: chargée de mission\n"
                    f"  organisation: synth-org-{c // 2 % n_orgs}\n  email: contact{c}@example.org\n"
                    f"  pays: [{pays[c % len(pays)]}]\n  {src}\n")
    with open(folder / "programmes.yaml", "a", encoding="utf-8") as f:
        for i in range(n_programmes):
            a, b = pays[i % len(pays)], pays[(i * 7 + 3) % len(pays)]
            t1, t2 = themes[i % len(themes)], themes[(i * 3 + 1) % len(themes)]
            f.write(f"- id: synth-programme-{i}\n  titre: Partenariat de coopération {i}\n  genre: mutualisable\n"
                    f"  destination: Pays {i % len(pays)}\n  pays: [{', '.join(dict.fromkeys([a, b]))}]\n"
                    f"  thematiques: [{', '.join(dict.fromkeys([t1, t2]))}]\n  thematique_libelle: Eau et énergie\n"
                    f"  description: Un partenariat entre collectivités pour l'accès à l'eau et à l'énergie, "
                    f"mené depuis {2000 + i % 20} avec {i % 9 + 2} communes.\n"
                    f"  odd: [6, 7]\n  porteurs: [synth-org-{i % n_orgs}]\n"
                    f"  contacts: [synth-contact-{i % max(1, n_contacts)}]\n  {src}\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000])
    args = parser.parse_args()
    print(f"{'programmes':>10} {'contacts':>9} {'charger+valider':>16} {'rendu':>8} {'pages':>7} {'µs/fiche':>9} {'pic mémoire':>12}")
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp) / "data"
            write_synthetic(data, n, n // 2)
            tracemalloc.start()
            t0 = time.perf_counter()
            cat = load_catalogue(data)
            t1 = time.perf_counter()
            pages = render_site(cat)
            t2 = time.perf_counter()
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            records = n + n // 2
            print(f"{n:>10} {n // 2:>9} {t1 - t0:>15.2f}s {t2 - t1:>7.2f}s {len(pages):>7} "
                  f"{(t2 - t0) / records * 1e6:>9.0f} {peak / 2**20:>10.0f} Mo")
    print(f"RSS max du processus : {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} Mo")


if __name__ == "__main__":
    main()
