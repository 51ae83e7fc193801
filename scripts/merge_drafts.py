"""Merge extraction drafts into data/: one record per id (per e-mail for contacts).

Usage: python scripts/merge_drafts.py DRAFT_DIR [DRAFT_DIR …]

Never picks silently: every conflict (two different values for one field of
one record) is printed for review; the value kept is the existing one in
data/, else the first draft's. Lists of references are united. Minimal
records (a country without context) give way to full ones.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

from coopdec.models import DATA_FILES, OPTIONAL_FILES

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
UNION_FIELDS = {"pays", "zones", "thematiques", "regions", "porteurs", "contacts", "odd", "liens", "chiffres",
                "partenariats", "villes", "sections", "autres_noms", "organisations"}
conflicts: list[str] = []


class Dumper(yaml.SafeDumper):
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = ">" if len(value) > 90 and "\n" not in value.strip() else ("|" if "\n" in value.strip() else None)
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


Dumper.add_representer(str, _str)


def read(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {} if path.exists() else {}


def key_of(collection: str, record: dict[str, Any]) -> str:
    if collection == "contacts":
        return record["email"].lower()
    if collection == "sigles":
        return record["sigle"]
    if collection == "chiffres_cles":
        return "|".join([record["indicateur"], record["valeur"], record["source"]["document"], record["libelle"]])
    return record["id"]


def richness(record: dict[str, Any]) -> int:
    return sum(1 for v in record.values() if v not in (None, "", [], {}))


def merge_record(collection: str, kept: dict[str, Any], new: dict[str, Any], origin: str) -> dict[str, Any]:
    if collection == "pays" and not kept.get("contexte") and new.get("contexte"):
        kept, new = dict(new), kept  # a full country record replaces a minimal one
    out = dict(kept)
    for field, value in new.items():
        if field not in out or out[field] in (None, "", []):
            out[field] = value
        elif field in UNION_FIELDS and isinstance(value, list):
            for item in value:
                if item not in out[field]:
                    out[field].append(item)
        elif field == "source":
            if out[field] != value:
                pages = [p for p in (out[field].get("pages"), value.get("pages")) if p]
                merged = ", ".join(dict.fromkeys(", ".join(pages).replace(" ", "").split(","))) if pages else None
                if merged and all(part.replace("-", "").isdigit() for part in merged.split(",")):
                    out[field] = {**out[field], "pages": merged.replace(",", ", ")}
                notes = [n for n in (out[field].get("note"), value.get("note")) if n]
                if len(set(notes)) > 1:
                    out[field]["note"] = " ".join(dict.fromkeys(notes))
        elif field in ("description", "resume", "contexte") and out[field] != value:
            # Two summaries of the same record written from two passages: both are kept.
            a, b = out[field].strip(), value.strip()
            out[field] = a if b in a else b if a in b else f"{a}\n\n{b}"
            conflicts.append(f"{collection} {key_of(collection, kept)} · {field}: textes réunis ({origin})")
        elif out[field] != value and field not in ("id", "mis_a_jour"):
            conflicts.append(f"{collection} {key_of(collection, kept)} · {field}: gardé « {out[field]} » ; {origin} donne « {value} »")
    return out


def main(drafts: list[Path]) -> None:
    models = {**DATA_FILES, **OPTIONAL_FILES}
    remap: dict[str, str] = {}  # contact ids dropped in favour of another id with the same e-mail
    merged_files: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for name, model in models.items():
        keys = list(model.model_fields)
        base = read(DATA / name)
        files = {k: list(base.get(k) or []) for k in keys}
        index = {k: {key_of(k, r): i for i, r in enumerate(files[k])} for k in keys}
        for draft in drafts:
            data = read(draft / name)
            for k in keys:
                for record in data.get(k) or []:
                    kk = key_of(k, record)
                    if kk in index[k]:
                        i = index[k][kk]
                        if k == "contacts" and files[k][i]["id"] != record["id"]:
                            remap[record["id"]] = files[k][i]["id"]
                        files[k][i] = merge_record(k, files[k][i], record, draft.name)
                    else:
                        index[k][kk] = len(files[k])
                        files[k].append(record)
        if any(files.values()):
            merged_files[name] = files
    for files in merged_files.values():
        for records in files.values():
            for r in records:
                for field in ("contacts",):
                    if isinstance(r.get(field), list):
                        r[field] = list(dict.fromkeys(remap.get(c, c) for c in r[field]))
    for name, files in merged_files.items():
        path = DATA / name
        header = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")] if path.exists() \
            else [f"# yaml-language-server: $schema=../schemas/{name.replace('.yaml', '.schema.json')}"]
        body = yaml.dump({k: v for k, v in files.items() if v or k in ("thematiques", "zones")}, Dumper=Dumper,
                         allow_unicode=True, sort_keys=False, width=88, default_flow_style=False)
        path.write_text("\n".join(header) + "\n" + body, encoding="utf-8")
    print(f"{len(remap)} identifiants de contact remplacés : {remap}")
    print(f"{len(conflicts)} conflits à relire :")
    for c in conflicts:
        print(" -", c)


if __name__ == "__main__":
    main([Path(p) for p in sys.argv[1:]])
