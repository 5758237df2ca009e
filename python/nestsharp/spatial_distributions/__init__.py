"""PyNEST's ``nest.spatial_distributions``: functions of a (spatial) parameter, such as the distance, for
distance-dependent connection probabilities, weights and delays."""

from .._parameters import CreateParameter

__all__ = ["exponential", "gaussian", "gaussian2D", "gamma", "gabor"]


def exponential(x, beta=1.0):
    """exp(-x / beta)."""
    return CreateParameter("exp_distribution", {"x": x, "beta": beta})


def gaussian(x, mean=0.0, std=1.0):
    """exp(-(x - mean)**2 / (2 std**2))."""
    return CreateParameter("gaussian", {"x": x, "mean": mean, "std": std})


def gaussian2D(x, y, mean_x=0.0, mean_y=0.0, std_x=1.0, std_y=1.0, rho=0.0):  # noqa: N802 (PyNEST's name)
    """The unnormalised bivariate Gaussian of x and y with correlation rho."""
    return CreateParameter(
        "gaussian2d", {"x": x, "y": y, "mean_x": mean_x, "mean_y": mean_y, "std_x": std_x, "std_y": std_y, "rho": rho}
    )


def gamma(x, kappa=1.0, theta=1.0):
    """x**(kappa - 1) exp(-x / theta) / (theta**kappa Gamma(kappa))."""
    return CreateParameter("gamma", {"x": x, "kappa": kappa, "theta": theta})


def gabor(x, y, theta=0.0, gamma=1.0, std=1.0, lam=1.0, psi=0.0):
    """NEST's Gabor function of x and y: orientation theta (degrees), aspect gamma, width std, wavelength lam and
    phase psi (degrees), with negative lobes cut to 0."""
    return CreateParameter("gabor", {"x": x, "y": y, "theta": theta, "gamma": gamma, "std": std, "lam": lam, "psi": psi})
