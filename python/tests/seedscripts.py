"""Runs the seed PyNEST scripts (../shared/seeds/scripts beside the repository) on nestsharp, each in its own Python
process, without copying them: the source is read, its `import nest` lines become `import nestsharp as nest`, size
variables are substituted, and an epilogue appended at load time prints the numbers a test compares as JSON."""

import json
import os
import re
import subprocess
import sys

import pytest

from conftest import PYTHON_DIR, REPO_DIR

SCRIPTS = os.path.normpath(os.environ.get("NESTSHARP_SEED_SCRIPTS", os.path.join(REPO_DIR, "..", "shared", "seeds", "scripts")))
CLI = os.path.join(REPO_DIR, "src", "NestSharp.Cli", "bin", "Release", "net10.0", "nestsharp")
_RESULT = "@@nestsharp-result@@"


def script_path(name):
    """The path of seed script `name`; skips the test (visibly) where the seed scripts are not beside the checkout."""
    path = os.path.join(SCRIPTS, name)
    if not os.path.isfile(path):
        pytest.skip(f"the seed script {path} is not there (set NESTSHARP_SEED_SCRIPTS to the seeds/scripts folder)")
    return path


def cli():
    """The nestsharp command of this checkout's Release build; skips the test when it was not built."""
    if not os.path.isfile(CLI):
        pytest.skip(f"{CLI} is not built: run `dotnet build src/NestSharp.Cli -c Release`")
    return CLI


def source(name, substitutions=(), epilogue=""):
    """The script's source with the import changed, each (old, new) substitution made (each must occur exactly once,
    so a changed script fails the test instead of silently running at full size) and `epilogue` appended."""
    with open(script_path(name), encoding="utf-8") as file:
        text = file.read()
    text = re.sub(r"^import nest$", "import nestsharp as nest", text, flags=re.M)
    text = re.sub(r"^import nest\.(\w+)$", r"import nestsharp.\1", text, flags=re.M)
    for old, new in substitutions:
        count = text.count(old)
        assert count == 1, f"{name}: expected '{old}' once, found it {count} times"
        text = text.replace(old, new)
    if epilogue:
        text += "\n\nimport json as _json\nprint(" + repr(_RESULT) + " + _json.dumps(" + epilogue + "))\n"
    return text


_RUNNER = """
import json, sys, types
job = json.loads(sys.stdin.read())
for name, path, code in job["modules"]:
    module = types.ModuleType(name)
    module.__file__ = path
    sys.modules[name] = module
    exec(compile(code, path, "exec"), module.__dict__)
sys.argv = [job["path"]] + job["argv"]
exec(compile(job["code"], job["path"], "exec"), {"__name__": "__main__", "__file__": job["path"]})
"""


def run(name, cwd, substitutions=(), epilogue="", modules=(), argv=(), timeout=900):
    """Runs the script in `cwd` with Debian's python; returns (stdout, result of the epilogue or None). `modules` are
    (module name, script, substitutions) loaded first under that name (the ignore_and_fire scripts import their
    model-ignore_and_fire.py as `model`); `argv` are the script's command-line arguments."""
    job = {
        "modules": [(module, script_path(path), source(path, subs)) for module, path, subs in modules],
        "path": script_path(name),
        "code": source(name, substitutions, epilogue),
        "argv": list(argv),
    }
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONPATH=PYTHON_DIR)
    completed = subprocess.run(
        [sys.executable, "-c", _RUNNER], input=json.dumps(job), cwd=cwd, env=env, capture_output=True, text=True,
        timeout=timeout,
    )
    assert completed.returncode == 0, f"{name} failed:\n{completed.stdout[-3000:]}\n{completed.stderr[-3000:]}"
    result = None
    for line in completed.stdout.splitlines():
        if line.startswith(_RESULT):
            result = json.loads(line[len(_RESULT):])
    return completed.stdout, result


def run_cli(arguments, cwd, timeout=900):
    """Runs `nestsharp` with `arguments` in `cwd`; returns its output."""
    completed = subprocess.run([cli(), *arguments], cwd=cwd, capture_output=True, text=True, timeout=timeout)
    assert completed.returncode == 0, completed.stdout[-3000:] + completed.stderr[-3000:]
    return completed.stdout
