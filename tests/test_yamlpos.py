from coopdec.yamlpos import load_yaml


def test_positions_of_values_and_keys():
    doc, problems = load_yaml("a:\n  - id: x\n    b: [1, 2]\n", "f.yaml")
    assert problems == []
    assert doc.data == {"a": [{"id": "x", "b": [1, 2]}]}
    assert doc.positions.values[("a", 0, "b", 1)] == (3, 12)
    assert doc.positions.keys[("a", 0, "b")] == (3, 5)


def test_missing_path_points_at_nearest_parent_key():
    doc, _ = load_yaml("a:\n  - id: x\n", "f.yaml")
    assert doc.positions.locate(("a", 0, "titre"), key=True) == (2, 5)


def test_duplicate_key_is_an_error_with_both_lines():
    _, problems = load_yaml("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert [p.format() for p in problems] == [
        "f.yaml:3:1: erreur: clé « a » répétée (déjà définie ligne 1) : gardez-en une seule"]


def test_dates_stay_strings_and_codes_keep_leading_zeros():
    doc, _ = load_yaml("d: 2020-10-01\nc: 01\nn: 53\nt: true\nz: ~\nf: 1.5\n", "f.yaml")
    assert doc.data == {"d": "2020-10-01", "c": "01", "n": 53, "t": True, "z": None, "f": 1.5}


def test_syntax_error_is_located():
    doc, problems = load_yaml("a: [1, 2\nb: 3\n", "f.yaml")
    assert doc is None
    assert problems[0].path == "f.yaml" and problems[0].line >= 1
    assert "syntaxe YAML invalide" in problems[0].message


def test_scalars_follow_yaml_1_2():
    from coopdec.yamlpos import load_yaml

    doc, problems = load_yaml("a: NO\nb: yes\nc: On\nd: true\ne: 0123\nf: 1_000\ng: 12\nh: 1.5\ni: 2020-10-01\nj: ~\n", "f.yaml")
    assert problems == []
    assert doc.data == {"a": "NO", "b": "yes", "c": "On", "d": True, "e": "0123", "f": "1_000", "g": 12, "h": 1.5,
                        "i": "2020-10-01", "j": None}


def test_untrusted_shapes_are_problems_not_exceptions():
    from coopdec.yamlpos import load_yaml

    for text, code in [("a: &x [*x]", "yaml_alias"), ("a: !!binary aGk=", "etiquette"), ("a: \x07", "caractere"),
                       ("a: " + "[" * 50 + "]" * 50, "profondeur"), ("a: [b", "yaml")]:
        doc, problems = load_yaml(text, "f.yaml")
        assert problems and problems[0].code == code and problems[0].line >= 1, (text, problems)
