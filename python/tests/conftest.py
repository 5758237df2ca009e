"""Runs the tests against the nestsharp package of this checkout (python/ on sys.path) and resets the kernel before
each test, as PyNEST's tests do."""

import os
import sys

import pytest

PYTHON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO_DIR = os.path.dirname(PYTHON_DIR)
if PYTHON_DIR not in sys.path:
    sys.path.insert(0, PYTHON_DIR)

import nestsharp  # noqa: E402


@pytest.fixture(autouse=True)
def reset_kernel():
    nestsharp.ResetKernel()
