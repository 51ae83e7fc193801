"""Command line: `coopdec validate | generate | rapport | schemas | publish`.

User errors (bad data) print located French messages and exit 1, without a
traceback; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .build import Project
from .problems import CatalogueError


def _report(exc: CatalogueError, github: bool) -> None:
    print(exc.report(), file=sys.stderr)
    if github:
        for problem in exc.problems:
            print(problem.format_github())


def cmd_validate(args: argparse.Namespace) -> int:
    """Phase one only (settings, data, pages, addresses): nothing is rendered."""
    from .build import validate_project

    root = args.root
    try:
        cat, _ = validate_project(root, root / "content", root / "data", root / "mkdocs.yml")
    except CatalogueError as exc:
        _report(exc, args.github)
        return 1
    print(f"Données valides : {len(cat.thematiques)} thématiques, {len(cat.sous_thematiques)} sous-thématiques, "
          f"{len(cat.zones)} zones, {len(cat.pays)} pays, {len(cat.programmes)} programmes, "
          f"{len(cat.contacts)} contacts, {len(cat.organisations)} organisations.")
    return 0


def cmd_generate(args: argparse.Namespace) -> int:
    try:
        project = Project.load(args.root)
        written = project.write_pages(args.out)
    except CatalogueError as exc:
        _report(exc, args.github)
        return 1
    print(f"{len(written)} pages écrites dans {args.out}")
    return 0


def cmd_schemas(args: argparse.Namespace) -> int:
    from .schema import write_generated

    written = write_generated(args.root)
    for path in written:
        print(f"écrit : {path}")
    if not written:
        print("schémas et référence déjà à jour")
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    from .publish import PublishError, publish

    try:
        publish(args.root, args.site, args.dist)
    except PublishError as exc:
        print(f"erreur : {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_rapport(args: argparse.Namespace) -> int:
    from .rapport import editor_notes

    try:
        notes = editor_notes(args.root / "data", args.root)
    except CatalogueError as exc:
        _report(exc, args.github)
        return 1
    for note in notes:
        print(note.format())
    print(f"{len(notes)} notes d'éditeurs (jamais publiées sur le site).")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="coopdec", description="Catalogue de la coopération décentralisée")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="racine du projet (contient data/ et content/)")
    parser.add_argument("--github", action="store_true", default=os.environ.get("GITHUB_ACTIONS") == "true",
                        help="ajoute les annotations GitHub Actions (par défaut dans GitHub Actions)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="vérifie toutes les données et les directives des pages").set_defaults(func=cmd_validate)
    gen = sub.add_parser("generate", help="écrit les pages Markdown générées dans un dossier")
    gen.add_argument("--out", type=Path, required=True)
    gen.set_defaults(func=cmd_generate)
    sub.add_parser("rapport", help="liste les notes des éditeurs (page déduite, casse restituée…) : fichier:ligne, fiche, note"
                   ).set_defaults(func=cmd_rapport)
    sub.add_parser("schemas", help="régénère schemas/ et FORMAT-DES-DONNEES.md").set_defaults(func=cmd_schemas)
    pub = sub.add_parser("publish", help="construit le site (sans toucher au site publié en cas d'échec)")
    pub.add_argument("--site", type=Path, default=Path("site"))
    pub.add_argument("--dist", type=Path, default=Path("dist"))
    pub.set_defaults(func=cmd_publish)
    args = parser.parse_args(argv)
    args.root = args.root.resolve()
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
