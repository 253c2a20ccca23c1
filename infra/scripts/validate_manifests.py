#!/usr/bin/python3
"""Strict offline validation of rendered Kubernetes manifests (called by validate-kubernetes.sh).

Kubernetes kinds are checked against the API models of Debian's python3-kubernetes (generated from the Kubernetes
OpenAPI spec): every field must exist in the schema (strict: a typo or a mis-indented key is an error), every value
must have the schema's type, and required fields must be present. KEDA kinds are not in that spec; they are checked
against infra/kubernetes/schemas/keda.json (written from the KEDA CRDs, closed to unknown fields). Then a few
cross-object checks catch wiring mistakes no schema sees (a ScaledObject aimed at a Deployment that is not rendered).

Usage: validate_manifests.py RENDERED.yaml...   Exit 0 when every object passes, 1 otherwise.
"""
import json
import pathlib
import re
import sys

import jsonschema
import kubernetes
import yaml
from kubernetes.client import Configuration, models

API = f"Kubernetes 1.{kubernetes.__version__.split('.')[0]} API models (python3-kubernetes {kubernetes.__version__})"
KEDA_SCHEMA = pathlib.Path(__file__).resolve().parents[1] / "kubernetes" / "schemas" / "keda.json"
DNS_LABEL = re.compile(r"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")
CONFIG = Configuration()
CONFIG.client_side_validation = True  # the models' setters then reject missing required fields


class StrictLoader(yaml.SafeLoader):
    """PyYAML keeps the last of two equal keys silently; a template that emits one twice is a bug."""


def _mapping(loader, node, deep=False):
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep)


StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def model_for(api_version, kind):
    """apps/v1 + Deployment -> V1Deployment; the class must really serve that apiVersion and kind."""
    version = api_version.split("/")[-1]
    cls = getattr(models, version[0].upper() + version[1:] + kind, None)
    return cls if cls is not None and "api_version" in cls.attribute_map else None


def check(value, type_name, path, errors):
    if value is None:
        return  # the API server treats an explicit null as absent
    if m := re.fullmatch(r"list\[(.+)\]", type_name):
        if not isinstance(value, list):
            errors.append(f"{path}: expected a list, got {type(value).__name__}")
            return
        for i, item in enumerate(value):
            check(item, m.group(1), f"{path}[{i}]", errors)
        return
    if m := re.fullmatch(r"dict\(str, (.+)\)", type_name):
        if not isinstance(value, dict):
            errors.append(f"{path}: expected a map, got {type(value).__name__}")
            return
        for key, item in value.items():
            check(item, m.group(1), f"{path}.{key}", errors)
        return
    scalar = {"str": (str,), "date": (str,), "datetime": (str,), "int": (int,), "float": (int, float), "bool": (bool,)}
    if type_name in scalar:
        ok = isinstance(value, scalar[type_name]) and not (type_name in ("int", "float") and isinstance(value, bool))
        if not ok:
            errors.append(f"{path}: expected {type_name}, got {type(value).__name__} {value!r}")
        return
    if type_name == "object":
        return  # IntOrString, RawExtension and friends: any JSON value
    cls = getattr(models, type_name)
    if not isinstance(value, dict):
        errors.append(f"{path}: expected a {type_name} object, got {type(value).__name__}")
        return
    by_json_name = {json_name: attr for attr, json_name in cls.attribute_map.items()}
    for key, item in value.items():
        if key not in by_json_name:
            errors.append(f"{path}.{key}: unknown field (not in {type_name})")
            continue
        check(item, cls.openapi_types[by_json_name[key]], f"{path}.{key}", errors)
    try:
        cls(local_vars_configuration=CONFIG, **{by_json_name[k]: v for k, v in value.items() if k in by_json_name})
    except ValueError as missing:
        errors.append(f"{path}: {missing}")


def validate_object(obj, keda_schemas):
    """Returns (family, errors) for one rendered object."""
    api_version, kind = obj.get("apiVersion", ""), obj.get("kind", "")
    errors = []
    if api_version.startswith("keda.sh/"):
        schema = keda_schemas.get(f"{api_version}/{kind}")
        if schema is None:
            return "keda", [f"no schema for {api_version} {kind}"]
        validator = jsonschema.Draft7Validator(schema)
        for error in sorted(validator.iter_errors(obj), key=lambda e: list(e.path)):
            errors.append(f"{'.'.join(map(str, error.path)) or '(root)'}: {error.message}")
        check(obj.get("metadata"), "V1ObjectMeta", "metadata", errors)
        return "keda", errors
    cls = model_for(api_version, kind)
    if cls is None:
        return "kubernetes", [f"{api_version} {kind} is not a kind of the {API}"]
    check(obj, cls.__name__, "", errors)
    return "kubernetes", errors


def cross_checks(objects):
    """Wiring between objects, which per-object schemas cannot see."""
    names = {(o["kind"], o["metadata"]["name"]) for o in objects}
    errors = []
    for o in objects:
        where = f"{o['kind']}/{o['metadata']['name']}"
        if not DNS_LABEL.match(o["metadata"]["name"]):
            errors.append(f"{where}: name is not a DNS label (lower-case, <= 63 characters)")
        spec = o.get("spec") or {}
        if o["kind"] == "Deployment":
            selector = spec["selector"].get("matchLabels", {})
            labels = spec["template"]["metadata"].get("labels", {})
            if any(labels.get(k) != v for k, v in selector.items()):
                errors.append(f"{where}: selector {selector} does not match the pod template's labels")
            for container in spec["template"]["spec"]["containers"]:
                for source in container.get("envFrom", []):
                    ref = source.get("configMapRef")
                    if ref and ("ConfigMap", ref["name"]) not in names:
                        errors.append(f"{where}: envFrom names ConfigMap {ref['name']}, which is not rendered")
        if o["kind"] == "Service":
            pods = [d["spec"]["template"]["metadata"].get("labels", {}) for d in objects if d["kind"] == "Deployment"]
            if not any(all(p.get(k) == v for k, v in spec.get("selector", {}).items()) for p in pods):
                errors.append(f"{where}: selector matches no rendered Deployment's pods")
        if o["kind"] == "ScaledObject":
            target = spec["scaleTargetRef"]["name"]
            if ("Deployment", target) not in names:
                errors.append(f"{where}: scaleTargetRef {target} is not a rendered Deployment")
            for trigger in spec["triggers"]:
                ref = trigger.get("authenticationRef")
                if ref and ("TriggerAuthentication", ref["name"]) not in names:
                    errors.append(f"{where}: authenticationRef {ref['name']} is not rendered")
    return errors


def main(paths):
    keda_schemas = json.loads(KEDA_SCHEMA.read_text())["kinds"]
    failed = counted = 0
    families = {"kubernetes": 0, "keda": 0}
    for path in paths:
        try:
            objects = [o for o in yaml.load_all(pathlib.Path(path).read_text(), Loader=StrictLoader) if o]
        except yaml.YAMLError as bad:
            print(f"{path}: not valid YAML: {bad}")
            failed += 1
            continue
        for obj in objects:
            family, errors = validate_object(obj, keda_schemas)
            families[family] += 1
            counted += 1
            where = f"{path}: {obj.get('kind')}/{(obj.get('metadata') or {}).get('name')}"
            for error in errors:
                print(f"{where}: {error}")
            failed += bool(errors)
        try:
            errors = cross_checks(objects)
        except (KeyError, TypeError) as broken:
            errors = [f"cannot cross-check, object shape broken at {broken!r}"]
        for error in errors:
            print(f"{path}: {error}")
        failed += len(errors)
    print(f"checked {counted} objects in {len(paths)} renders: {families['kubernetes']} against the {API} "
          f"(strict), {families['keda']} against {KEDA_SCHEMA.name}; "
          f"{failed} failed")
    return 1 if failed or counted == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
