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

from coopdec.catalogue import load_catalogue
from coopdec.render import render_site

ROOT = Path(__file__).resolve().parent.parent


def write_synthetic(folder: Path, n_programmes: int, n_contacts: int, n_pays: int = 140) -> None:
    folder.mkdir(parents=True)
    for name in ("documents.yaml", "regions.yaml", "thematiques.yaml", "glossaire.yaml"):
        shutil.copy2(ROOT / "data" / name, folder / name)
    src = 'source: {document: guide-2020, pages: "43"}\n    mis_a_jour: "2020"'
    with open(folder / "geographies.yaml", "w", encoding="utf-8") as f:
        f.write("zones:\n")
        for z in range(11):
            f.write(f"  - id: zone-{z}\n    numero: \"{z + 1}\"\n    titre: Zone {z}\n    resume: Présentation.\n    {src}\n")
        f.write("pays:\n")
        for p in range(n_pays):
            f.write(f"  - id: pays-{p}\n    nom: Pays {p}\n    iso3: {chr(65 + p // 676)}{chr(65 + p // 26 % 26)}{chr(65 + p % 26)}\n"
                    f"    zone: zone-{p % 11}\n    contexte: Coopération décentralisée active.\n    {src}\n")
    with open(folder / "organisations.yaml", "w", encoding="utf-8") as f:
        f.write("organisations:\n")
        for o in range(n_contacts // 2):
            f.write(f"  - id: org-{o}\n    nom: Collectivité {o}\n    genre: collectivite-francaise\n    {src}\n")
    with open(folder / "contacts.yaml", "w", encoding="utf-8") as f:
        f.write("contacts:\n")
        for c in range(n_contacts):
            f.write(f"  - id: contact-{c}\n    nom: Élise Martin {c}\n    fonction: chargée de mission\n"
                    f"    organisation: org-{c // 2}\n    email: contact{c}@example.org\n    pays: [pays-{c % n_pays}]\n    {src}\n")
    with open(folder / "programmes.yaml", "w", encoding="utf-8") as f:
        f.write("programmes:\n")
        for i in range(n_programmes):
            f.write(f"  - id: programme-{i}\n    titre: Partenariat de coopération {i}\n    genre: mutualisable\n"
                    f"    destination: Pays {i % n_pays}\n    pays: [pays-{i % n_pays}, pays-{(i * 7) % n_pays}]\n"
                    f"    thematiques: [eau-assainissement, energie]\n    thematique_libelle: Eau et énergie\n"
                    f"    description: Un partenariat entre collectivités pour l'accès à l'eau et à l'énergie.\n"
                    f"    odd: [6, 7]\n    porteurs: [org-{i % (n_contacts // 2)}]\n    contacts: [contact-{i % n_contacts}]\n    {src}\n")


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
