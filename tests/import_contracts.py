"""Two import-linter contract types the built-in ones cannot express (used by pyproject's [tool.importlinter]).

`forbidden_external_submodules`: import-linter squashes every external package to its top-level name, so a
`forbidden` contract can forbid `PySide6` but not `PySide6.QtWidgets`. The kiosk needs exactly that distinction:
`printing` legitimately uses QtGui and QtPrintSupport (the system printer backend), while nothing outside `ui` may
touch QtWidgets (widgets need a QApplication and a screen; `python -m kiosk sync` on a headless box must not load
them). This contract reads the import lines grimp recorded for the squashed package and finds the project modules
that import a forbidden submodule; a source package breaks the contract when it is, or reaches through project
imports, one of them.

`only_submodules`: an allow-list (`forbidden` is a deny-list, and a deny-list of kiosk's parts would let a part
added later through unnoticed).
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from grimp import ImportGraph
from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck


def _pattern(submodule: str) -> re.Pattern[str]:
    """Matches `import A.B`, `from A.B import x`, `from A.B.C import x` and `from A import B` for 'A.B'."""
    package, _, rest = submodule.partition(".")
    return re.compile(
        rf"(\b{re.escape(submodule)}\b)|(^\s*from\s+{re.escape(package)}\s+import\s+.*\b{re.escape(rest)}\b)"
    )


class ForbiddenExternalSubmodulesContract(Contract):
    """`source_modules` (packages) never import `forbidden_modules` (dotted submodules of external packages),
    directly or through other project modules. Needs `include_external_packages = true`."""

    type_name = "forbidden_external_submodules"

    source_modules = fields.ListField(subfield=fields.StringField())
    forbidden_modules = fields.ListField(subfield=fields.StringField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        sources: list[str] = list(self.source_modules)  # type: ignore[call-overload]
        forbidden: list[str] = list(self.forbidden_modules)  # type: ignore[call-overload]
        for name in sources:
            if name not in graph.modules:
                raise ValueError(f"Module '{name}' does not exist.")
        offenders = self._direct_importers(graph, forbidden)
        broken: list[dict[str, Any]] = []
        for source in sources:
            for target in forbidden:
                chains: list[tuple[str, ...]] = []
                for (module, imported), _lines in sorted(offenders.items()):
                    if imported != target:
                        continue
                    if module == source or module.startswith(source + "."):
                        chains.append((module,))
                    else:
                        chain = graph.find_shortest_chain(importer=source, imported=module, as_packages=True)
                        if chain is not None:
                            chains.append(chain)
                if not chains:
                    continue
                # One chain per source is enough to act on (the shortest); the count says how much is behind it.
                chain = min(chains, key=lambda c: (len(c), c))
                hops = [
                    (a, b, tuple(d["line_number"] for d in graph.get_import_details(importer=a, imported=b)))
                    for a, b in itertools.pairwise(chain)
                ]
                hops.append((chain[-1], target, offenders[(chain[-1], target)]))
                broken.append({"source": source, "forbidden": target, "chain": hops, "modules": len(chains)})
        return ContractCheck(kept=not broken, metadata={"broken": broken})

    @staticmethod
    def _direct_importers(graph: ImportGraph, forbidden: list[str]) -> dict[tuple[str, str], tuple[int, ...]]:
        """(project module, forbidden submodule) -> the line numbers of its imports."""
        found: dict[tuple[str, str], tuple[int, ...]] = {}
        for target in forbidden:
            package = target.partition(".")[0]
            if package not in graph.modules:
                continue  # no project module imports the package at all
            pattern = _pattern(target)
            for module in graph.find_modules_that_directly_import(package):
                lines = tuple(
                    d["line_number"]
                    for d in graph.get_import_details(importer=module, imported=package)
                    if pattern.search(d["line_contents"])
                )
                if lines:
                    found[(module, target)] = lines
        return found

    def render_broken_contract(self, check: ContractCheck) -> None:
        for entry in check.metadata["broken"]:
            output.print_error(f"{entry['source']} is not allowed to import {entry['forbidden']}:")
            if entry["modules"] > 1:
                output.print_error(
                    f"({entry['modules']} modules import it and {entry['source']} reaches them; the shortest chain:)",
                    bold=False,
                )
            output.new_line()
            for i, (importer, imported, lines) in enumerate(entry["chain"]):
                where = ", ".join(f"l.{n}" for n in lines) or "?"
                text = f"{importer} -> {imported} ({where})"
                if i == 0:
                    output.print_error(f"-   {text}", bold=False)
                else:
                    output.indent_cursor()
                    output.print_error(text, bold=False)
            output.new_line()


def _within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


class OnlySubmodulesContract(Contract):
    """`source_modules` use only `allowed_modules` of `package`, directly or through other project modules.

    An allow-list, unlike `forbidden`: a module added to the package later is refused without anyone having to
    remember to list it (printing may use kiosk.domain and kiosk.formatting, whatever else kiosk grows).
    """

    type_name = "only_submodules"

    source_modules = fields.ListField(subfield=fields.StringField())
    package = fields.StringField()
    allowed_modules = fields.ListField(subfield=fields.StringField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        sources: list[str] = list(self.source_modules)  # type: ignore[call-overload]
        package: str = self.package  # type: ignore[assignment]
        allowed: list[str] = list(self.allowed_modules)  # type: ignore[call-overload]
        for name in [*sources, package, *allowed]:
            if name not in graph.modules:
                raise ValueError(f"Module '{name}' does not exist.")
        broken: list[dict[str, Any]] = []
        for source in sources:
            reached = graph.find_upstream_modules(source, as_package=True)
            refused = sorted(m for m in reached if _within(m, package) and not any(_within(m, a) for a in allowed))
            # One chain per refused part of the package (kiosk.config, kiosk.services, ...), the shortest.
            parts: dict[str, list[tuple[str, ...]]] = {}
            for module in refused:
                part = ".".join(module.split(".")[: package.count(".") + 2])
                chain = graph.find_shortest_chain(importer=source, imported=module, as_packages=True)
                if chain is not None:
                    parts.setdefault(part, []).append(chain)
            for part, chains in sorted(parts.items()):
                chain = min(chains, key=lambda c: (len(c), c))
                hops = [
                    (a, b, tuple(d["line_number"] for d in graph.get_import_details(importer=a, imported=b)))
                    for a, b in itertools.pairwise(chain)
                ]
                broken.append({"source": source, "part": part, "chain": hops})
        return ContractCheck(kept=not broken, metadata={"broken": broken})

    def render_broken_contract(self, check: ContractCheck) -> None:
        allowed = ", ".join(self.allowed_modules)  # type: ignore[arg-type]
        for entry in check.metadata["broken"]:
            output.print_error(f"{entry['source']} is not allowed to import {entry['part']} (only {allowed}):")
            output.new_line()
            for i, (importer, imported, lines) in enumerate(entry["chain"]):
                text = f"{importer} -> {imported} ({', '.join(f'l.{n}' for n in lines) or '?'})"
                if i == 0:
                    output.print_error(f"-   {text}", bold=False)
                else:
                    output.indent_cursor()
                    output.print_error(text, bold=False)
            output.new_line()
