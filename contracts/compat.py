"""Backward-compatibility rules between two JSON Schemas of one payload.

Allowed: new optional fields, new event types, changed descriptions. Refused: a removed field,
a field whose type changed, a new required field (or an optional field made required).
A breaking change must be a new event type instead.
"""

from __future__ import annotations

from typing import Any

Schema = dict[str, Any]
_COSMETIC = {"title", "description", "default", "examples"}


def _definition(root: Schema, node: Schema) -> Schema:
    ref = node.get("$ref")
    if not ref:
        return node
    name = ref.rsplit("/", 1)[-1]
    definition: Schema = root.get("$defs", {}).get(name, {})
    return definition


def _shape(root: Schema, node: Schema) -> Any:
    """A comparable form of a field's type, ignoring cosmetic keys and resolving references."""
    node = _definition(root, node)
    if "properties" in node:
        return ("object", sorted(node["properties"]))
    shaped: dict[str, Any] = {}
    for key, value in node.items():
        if key in _COSMETIC:
            continue
        if isinstance(value, dict):
            shaped[key] = _shape(root, value)
        elif isinstance(value, list):
            shaped[key] = [_shape(root, v) if isinstance(v, dict) else v for v in value]
        else:
            shaped[key] = value
    return shaped


def _object_items(root: Schema, node: Schema) -> bool:
    items = node.get("items") if node.get("type") == "array" else None
    return isinstance(items, dict) and "properties" in _definition(root, items)


def _compare(old_root: Schema, old: Schema, new_root: Schema, new: Schema, path: str) -> list[str]:
    problems: list[str] = []
    old = _definition(old_root, old)
    new = _definition(new_root, new)
    old_props: dict[str, Schema] = old.get("properties", {})
    new_props: dict[str, Schema] = new.get("properties", {})
    old_required = set(old.get("required", []))
    for name in sorted(set(new.get("required", [])) - old_required):
        problems.append(f"{path}{name}: new required field")
    for name, old_field in old_props.items():
        if name not in new_props:
            problems.append(f"{path}{name}: field removed")
            continue
        new_field = new_props[name]
        old_def, new_def = _definition(old_root, old_field), _definition(new_root, new_field)
        if "properties" in old_def and "properties" in new_def:
            problems += _compare(old_root, old_def, new_root, new_def, f"{path}{name}.")
        elif _object_items(old_root, old_def) and _object_items(new_root, new_def):
            # A list of objects: its items follow the same rules (new optional fields allowed).
            problems += _compare(
                old_root,
                _definition(old_root, old_def["items"]),
                new_root,
                _definition(new_root, new_def["items"]),
                f"{path}{name}[].",
            )
        elif _shape(old_root, old_field) != _shape(new_root, new_field):
            problems.append(f"{path}{name}: type changed")
    return problems


def incompatibilities(old: Schema, new: Schema) -> list[str]:
    """What in `new` would break a consumer written against `old` (empty when compatible)."""
    return _compare(old, old, new, new, "")
