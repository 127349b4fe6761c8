"""Load stage, fast path: a YAML file's plain values (dicts, lists, strings, None) without positions,
for the files that have nothing to report, which is nearly all of them.

The values are exactly `yamlsource.plain(yamlsource.parse(...))`, built from the same events with the
same rules. Whatever the full loader would report or must locate (an anchor, alias or tag, a key that
is not plain text, a duplicate key, a second document, nesting deeper than MAX_DEPTH, an empty file, a
syntax error) ends the fast path with NEEDS_TREE: the caller then parses with positions, which gives
the diagnostics. Positions are not lost: an item asks for its node again only when it needs a line.
"""

from __future__ import annotations

from typing import Any

import yaml

from .characters import FORBIDDEN
from .yamlsource import LOADER, MAX_DEPTH, NULLS, QUOTED_STYLES

NEEDS_TREE: Any = object()
_NO_KEY: Any = object()
_SCALAR, _MAP, _SEQ = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_QUIET = (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)


def plain_values(text: str) -> Any:
    """The file's value, or NEEDS_TREE when the full loader has something to say about it."""
    loader = LOADER(text)
    try:
        return _build(iter(loader.get_event, None))
    except Exception:  # noqa: BLE001 - a syntax error, or anything odd: the full loader explains it
        return NEEDS_TREE
    finally:
        loader.dispose()


def _build(events: Any) -> Any:
    stack: list[Any] = []  # open containers
    keys: list[Any] = []  # per open container: the key waiting for its value (dicts), else _NO_KEY
    root: Any = _NO_KEY
    for event in events:
        cls = type(event)
        if cls is _SCALAR:
            if event.anchor is not None or event.tag is not None:
                return NEEDS_TREE
            value = event.value
            if value in NULLS and event.style not in QUOTED_STYLES:
                value = None
            elif event.style == '"' and FORBIDDEN.search(value):  # an escape wrote a forbidden character
                return NEEDS_TREE
        elif cls is _MAP or cls is _SEQ:
            if event.anchor is not None or event.tag is not None or len(stack) >= MAX_DEPTH:
                return NEEDS_TREE
            value = {} if cls is _MAP else []
        elif cls in _ENDS:
            stack.pop()
            keys.pop()
            continue
        elif cls in _QUIET or (cls is yaml.DocumentStartEvent and root is _NO_KEY):
            continue
        else:  # an alias, a second document
            return NEEDS_TREE
        if not stack:
            root = value
        elif type(stack[-1]) is list:
            stack[-1].append(value)
        elif keys[-1] is _NO_KEY:
            if type(value) is not str or not value:  # an empty, list or mapping key
                return NEEDS_TREE
            keys[-1] = value
        else:
            if keys[-1] in stack[-1]:
                return NEEDS_TREE
            stack[-1][keys[-1]] = value
            keys[-1] = _NO_KEY
        if cls is not _SCALAR:
            stack.append(value)
            keys.append(_NO_KEY)
    return NEEDS_TREE if root is _NO_KEY else root
