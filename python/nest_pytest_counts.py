"""A pytest plugin for python/run_nest_pytests.sh: after NEST's pytests, prints the passed / failed / skipped counts
overall and for the tests whose files use only models NestSharp has.

A test needs a model NestSharp lacks when its file names such a model in a string literal (NEST's models are the
model headers of the checkout, models/*.h under $NEST_CHECKOUT) or when it fails with UnknownModelName (models chosen
at run time). Those tests are counted apart, as the model-library issues will bring their models.
With NESTSHARP_PYTEST_OUTCOMES=FILE set, each test's outcome, "own" or "other", and node id go to FILE, one a line."""

import ast
import os

import pytest

_outcomes = {}  # nodeid -> "passed" | "failed" | "skipped"
_file_models = {}  # test file -> NEST models it names that NestSharp lacks
_needs_missing_model = set()  # tests that failed because a model is unknown to NestSharp
_needs_spatial = set()  # tests that failed because NestSharp has no spatial networks (nest.spatial, positions)
_collection_errors = []  # test files that failed to import (their tests are not counted above)


def _nest_models(checkout):
    models_dir = os.path.join(checkout, "models")
    if not os.path.isdir(models_dir):
        return set()
    return {name[:-2] for name in os.listdir(models_dir) if name.endswith(".h")}


def _missing_models(path, nest_models, nestsharp_models):
    try:
        with open(path, encoding="utf-8") as file:
            tree = ast.parse(file.read())
    except (OSError, SyntaxError):
        return set()
    names = {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    return {name for name in names if name in nest_models and name not in nestsharp_models}


def pytest_collection_modifyitems(session, config, items):
    import nest

    nest_models = _nest_models(os.environ.get("NEST_CHECKOUT", ""))
    nestsharp_models = set(nest.node_models) | set(nest.synapse_models)
    for item in items:
        path = str(item.fspath)
        if path not in _file_models:
            _file_models[path] = _missing_models(path, nest_models, nestsharp_models)


def pytest_collectreport(report):
    if report.failed:
        _collection_errors.append(report.nodeid)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if call.excinfo is not None:
        kind, message = type(call.excinfo.value).__name__, str(call.excinfo.value)
        if kind == "UnknownModelName":
            _needs_missing_model.add(report.nodeid)
        elif kind == "NotImplemented" and ("spatial" in message or "positions" in message):
            _needs_spatial.add(report.nodeid)
    if report.when == "call" or report.outcome != "passed":
        if report.outcome == "failed" or report.nodeid not in _outcomes or report.when == "call":
            status = report.outcome
            if _outcomes.get(report.nodeid) == "failed":
                status = "failed"
            _outcomes[report.nodeid] = status


def pytest_terminal_summary(terminalreporter):
    def counts(nodeids):
        result = {"passed": 0, "failed": 0, "skipped": 0}
        for nodeid in nodeids:
            result[_outcomes[nodeid]] += 1
        return result

    def path_of(nodeid):
        return os.path.join(str(terminalreporter.config.rootpath), nodeid.split("::")[0])

    everything = list(_outcomes)
    own_models = [n for n in everything if not _file_models.get(path_of(n)) and n not in _needs_missing_model]
    line = "{passed} passed, {failed} failed, {skipped} skipped"
    terminalreporter.write_line("")
    terminalreporter.write_line("NEST pytests on NestSharp, all: " + line.format(**counts(everything)))
    terminalreporter.write_line(
        "NEST pytests on NestSharp, files using only NestSharp's models: " + line.format(**counts(own_models))
        + f" ({len(own_models)} tests)"
    )
    outcomes_file = os.environ.get("NESTSHARP_PYTEST_OUTCOMES")
    if outcomes_file:
        own = set(own_models)
        with open(outcomes_file, "w", encoding="utf-8") as file:
            for nodeid in everything:
                file.write(f"{_outcomes[nodeid]}\t{'own' if nodeid in own else 'other'}\t{nodeid}\n")
    without_spatial = [n for n in own_models if n not in _needs_spatial]
    terminalreporter.write_line(
        "NEST pytests on NestSharp, only NestSharp's models and no spatial networks: "
        + line.format(**counts(without_spatial)) + f" ({len(without_spatial)} tests)"
    )
    terminalreporter.write_line(
        f"NEST pytests on NestSharp, files that failed to load (not counted above): {len(_collection_errors)}"
    )
