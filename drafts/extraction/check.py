"""Check one extraction folder: each YAML file validates against its model (coopdec.models).

Usage: /tmp/v/bin/python /work/extract/check.py /work/extract/<part>
Cross-file references are not checked here (they are checked after merging);
but it lists the ids each file references that it does not itself define, so you can eyeball them.
"""
import sys
from pathlib import Path
from pydantic import ValidationError
from coopdec.models import DATA_FILES, OPTIONAL_FILES
from coopdec.yamlpos import load_yaml_file
from coopdec.errors import problems_from_validation

folder = Path(sys.argv[1])
bad = 0
for path in sorted(folder.glob("*.yaml")):
    model = {**DATA_FILES, **OPTIONAL_FILES}.get(path.name)
    doc, problems = load_yaml_file(path, str(path))
    for p in problems:
        print(p.format()); bad += 1
    if doc is None or model is None:
        if model is None:
            print(f"{path}: (pas de modèle pour ce nom de fichier, non vérifié)")
        continue
    try:
        model.model_validate(doc.data)
    except ValidationError as exc:
        for p in problems_from_validation(exc, model, doc.positions, str(path)):
            print(p.format()); bad += 1
print(f"{bad} problème(s)")
sys.exit(1 if bad else 0)
