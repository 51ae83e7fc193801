"""Command line: `coopdec validate | generate | rapport | schemas [--check] | publish`.

User errors (bad data) print located French messages and exit 1, without a
traceback; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

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
    from .build import Project
    from .generate import write_source_folder
    from .geo import BasemapError
    from .offline import ThirdPartyError

    try:
        project = Project.load(args.root)
        written = write_source_folder(project, args.out)
    except CatalogueError as exc:
        _report(exc, args.github)
        return 1
    except (BasemapError, ThirdPartyError) as exc:
        print(f"erreur : {exc}", file=sys.stderr)
        return 1
    summary = ", ".join(f"{len(paths)} {kind}" for kind, paths in written.items())
    print(f"Écrit dans {args.out} : {summary} (navigation complète : {args.out / 'nav.yml'})")
    return 0


def cmd_schemas(args: argparse.Namespace) -> int:
    from .schema import stale_generated, write_generated

    if args.check:
        stale = stale_generated(args.root)
        for path in stale:
            print(f"{path.relative_to(args.root).as_posix()}: erreur: fichier généré périmé : lancez `make schemas` "
                  "et committez le résultat", file=sys.stderr)
        return 1 if stale else 0

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
    # `coopdec validate --github` works as well as `coopdec --github validate` (SUPPRESS keeps the global default).
    github = argparse.ArgumentParser(add_help=False)
    github.add_argument("--github", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    sub.add_parser("validate", parents=[github], help="vérifie toutes les données et les directives des pages").set_defaults(
        func=cmd_validate)
    gen = sub.add_parser("generate", parents=[github], help="écrit dans un dossier tout ce qu'un autre moteur doit publier")
    gen.add_argument("--out", type=Path, required=True)
    gen.set_defaults(func=cmd_generate)
    sub.add_parser("rapport", help="liste les notes des éditeurs (page déduite, casse restituée…) : fichier:ligne, fiche, note"
                   ).set_defaults(func=cmd_rapport)
    schemas = sub.add_parser("schemas", help="régénère schemas/ et FORMAT-DES-DONNEES.md")
    schemas.add_argument("--check", action="store_true", help="vérifie seulement qu'ils sont à jour (rien n'est écrit)")
    schemas.set_defaults(func=cmd_schemas)
    pub = sub.add_parser("publish", help="construit le site (sans toucher au site publié en cas d'échec)")
    pub.add_argument("--site", type=Path, default=Path("site"))
    pub.add_argument("--dist", type=Path, default=Path("dist"))
    pub.set_defaults(func=cmd_publish)
    args = parser.parse_args(argv)
    args.root = args.root.resolve()
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
