"""Which `ecosystem.ui.i18n.STRINGS` keys the app's code uses, read from its source.

A key reaches `t(key, lang)` in four ways, each found here:
- written in the call: `t("nav.map", lang)`, also in either branch of `t("a" if x else "b")`;
- built in the call: `t(f"family.{family.value}", lang)`: the prefix is returned, and the test
  declares the values it is built from;
- held in a tuple that a loop feeds to the call: `keys = ("common.name", ...)` then
  `[t(k, lang) for k in keys]`, or `for page, title in PAGES: t(title, lang)`;
- anything else is returned as unresolved, so that a new way of passing keys is seen, not skipped.

Separately, `literals` is every string in the code shaped like a key: a key in STRINGS that is not
among them is used nowhere.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

KEY = re.compile(r"^[a-z][a-z_0-9]*\.[a-z_0-9.]+$")


@dataclass
class KeyUses:
    called: set[str] = field(default_factory=set)  # written in, or fed by a loop to, a t() call
    prefixes: set[str] = field(default_factory=set)  # of keys built with an f-string in a t() call
    literals: set[str] = field(default_factory=set)  # every key-shaped string in the code
    unresolved: list[str] = field(default_factory=list)  # "file:line: argument" of other t() calls


def scan(paths: Iterable[Path], skip_assignment_to: str = "STRINGS") -> KeyUses:
    """The key uses in these files; the dict assigned to `skip_assignment_to` defines keys, not uses."""
    uses = KeyUses()
    for path in paths:
        _scan_module(ast.parse(path.read_text(encoding="utf-8")), path.name, skip_assignment_to, uses)
    return uses


def _scan_module(tree: ast.Module, name: str, skip: str, uses: KeyUses) -> None:
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    definitions = [node.value for node in ast.walk(tree) if _assigns(node, skip)]
    defining = {id(inner) for value in definitions for inner in ast.walk(value)}
    fstrings = [node for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)]
    in_fstring = {id(part) for fstring in fstrings for part in fstring.values}  # "family." of f"family.{x}"
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str) and KEY.match(node.value)
                and id(node) not in defining and id(node) not in in_fstring):
            uses.literals.add(node.value)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t":
            for arg in _branches(node.args[0]) if node.args else ():
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    uses.called.add(arg.value)
                elif isinstance(arg, ast.JoinedStr) and isinstance((arg.values or [None])[0], ast.Constant):
                    uses.prefixes.add(str(arg.values[0].value))
                elif isinstance(arg, ast.Name) and (keys := _fed_by_loop(arg, node, parents, tree)):
                    uses.called |= keys
                else:
                    uses.unresolved.append(f"{name}:{node.lineno}: {ast.unparse(arg)}")


def _assigns(node: ast.AST, name: str) -> bool:
    targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(
        node, ast.AnnAssign) and node.value is not None else []
    return any(isinstance(t, ast.Name) and t.id == name for t in targets)


def _branches(arg: ast.expr) -> Iterator[ast.expr]:
    if isinstance(arg, ast.IfExp):
        yield from _branches(arg.body)
        yield from _branches(arg.orelse)
    else:
        yield arg


def _fed_by_loop(arg: ast.Name, call: ast.AST, parents: dict[ast.AST, ast.AST], tree: ast.Module) -> set[str]:
    """The strings a `for` (statement or comprehension) around `call` binds to `arg`, when it loops
    over literal tuples written in the same file; empty when it is not that simple."""
    node: ast.AST | None = call
    while node is not None:
        loops = node.generators if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp,
                                                     ast.DictComp)) else [node] if isinstance(
            node, (ast.For, ast.comprehension)) else []
        for loop in loops:
            elements = _elements(loop.iter, node, parents, tree)
            found = {s for element in elements for s in _bound(loop.target, element, arg.id)}
            if found:
                return found
        node = parents.get(node)
    return set()


def _elements(iterable: ast.expr, at: ast.AST, parents: dict[ast.AST, ast.AST],
              tree: ast.Module) -> list[ast.expr]:
    """The items of a literal tuple or list, possibly through a name, enumerate() or zip()."""
    if isinstance(iterable, (ast.Tuple, ast.List)):
        return list(iterable.elts)
    if isinstance(iterable, ast.Name):
        return [e for value in _values_of(iterable.id, at, parents, tree) for e in _elements(value, at,
                                                                                            parents, tree)]
    if isinstance(iterable, ast.Call) and isinstance(iterable.func, ast.Name) and iterable.args:
        if iterable.func.id == "enumerate":
            return [ast.Tuple([ast.Constant(0), e]) for e in _elements(iterable.args[0], at, parents, tree)]
        if iterable.func.id == "zip":
            columns = [_elements(a, at, parents, tree) or [ast.Constant(None)] for a in iterable.args]
            longest = max(len(c) for c in columns)
            return [ast.Tuple([c[i % len(c)] for c in columns]) for i in range(longest)]
    return []


def _values_of(name: str, at: ast.AST, parents: dict[ast.AST, ast.AST], tree: ast.Module) -> list[ast.expr]:
    """What `name` is assigned in the nearest function around `at` that assigns it, else the module."""
    node: ast.AST | None = at
    while node is not None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Module)):
            values = [n.value for n in ast.walk(node) if _assigns(n, name)]
            if values:
                return values
        node = parents.get(node)
    return [n.value for n in ast.walk(tree) if _assigns(n, name)]


def _bound(target: ast.expr, element: ast.expr, name: str) -> set[str]:
    """The strings bound to `name` when `target` is unpacked from `element`."""
    if isinstance(target, ast.Name):
        if target.id == name and isinstance(element, ast.Constant) and isinstance(element.value, str):
            return {element.value}
        return set()
    if isinstance(target, (ast.Tuple, ast.List)) and isinstance(element, (ast.Tuple, ast.List)):
        return {s for t, e in zip(target.elts, element.elts, strict=False) for s in _bound(t, e, name)}
    return set()
