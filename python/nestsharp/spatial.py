"""PyNEST's ``nest.spatial``: NestSharp has no spatial networks yet; using them raises NotImplemented."""

from .kernel import NESTErrors


def __getattr__(name):
    raise NESTErrors.NotImplemented(f"nest.spatial.{name}: NestSharp has no spatial networks (positions) yet.")
