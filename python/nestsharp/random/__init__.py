"""Random parameters (PyNEST's ``nest.random``)."""

from .._parameters import CreateParameter

__all__ = ["exponential", "lognormal", "normal", "uniform", "uniform_int"]


def uniform(min=0.0, max=1.0):
    """Uniformly distributed in [min, max)."""
    return CreateParameter("uniform", {"min": min, "max": max})


def uniform_int(max):
    """Uniformly distributed integers in [0, max)."""
    return CreateParameter("uniform_int", {"max": max})


def normal(mean=0.0, std=1.0):
    """Normally distributed."""
    return CreateParameter("normal", {"mean": mean, "std": std})


def lognormal(mean=0.0, std=1.0):
    """Log-normally distributed (mean and std of the underlying normal distribution)."""
    return CreateParameter("lognormal", {"mean": mean, "std": std})


def exponential(beta=1.0):
    """Exponentially distributed with scale beta."""
    return CreateParameter("exponential", {"beta": beta})
