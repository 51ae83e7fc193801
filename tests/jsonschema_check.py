"""Validate data against a JSON Schema with the `jsonschema` package (installed with the test extras)."""

from jsonschema import Draft202012Validator


def errors(schema, data):
    return sorted(e.message for e in Draft202012Validator(schema).iter_errors(data))
