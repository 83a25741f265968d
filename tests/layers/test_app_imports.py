"""The apps depend one way: audit at the bottom, accounts on audit, cadres (the domain) on both, reports and
staffing on cadres, neither on the other. No module imports an app above its own (COMMON.md; issue 12's import
graph). Staffing's monthly sheets reach the report through a setting (MONTHLY_REPORT_SHEETS), not an import."""

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("audit", "accounts", "cadres", "reports", "staffing")
# What each app may import, besides itself (the later apps go beside reports, as staffing does).
ALLOWED = {
    "audit": set(),
    "accounts": {"audit"},
    "cadres": {"accounts", "audit"},
    "reports": {"accounts", "audit", "cadres"},
    "staffing": {"accounts", "audit", "cadres"},
}


def imported_apps(path):
    """Return the project apps a module imports (absolute imports; relative ones stay inside its app)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found & set(APPS)


def app_imports():
    """Return {(importing app, imported app): [modules]} over every module of the apps, migrations included."""
    edges = defaultdict(list)
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            for other in imported_apps(path) - {app}:
                edges[app, other].append(str(path.relative_to(ROOT)))
    return dict(edges)


def test_every_import_between_apps_points_down():
    upward = {edge: modules for edge, modules in app_imports().items() if edge[1] not in ALLOWED[edge[0]]}
    assert upward == {}


def test_the_scan_sees_the_imports_it_checks():
    # reports and staffing are built on cadres, and cadres on accounts and audit: the scan must find those arrows.
    assert {
        ("reports", "cadres"),
        ("staffing", "cadres"),
        ("cadres", "accounts"),
        ("cadres", "audit"),
        ("accounts", "audit"),
    } <= set(app_imports())


def test_no_app_imports_staffing():
    assert [edge for edge in app_imports() if edge[1] == "staffing"] == []


if __name__ == "__main__":
    # The graph for the closing note: python -m tests.layers.test_app_imports
    for (app, other), modules in sorted(app_imports().items()):
        print(f"{app} → {other}: {len(modules)} modules")
