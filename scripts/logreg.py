"""The logistic regression the training scripts share (``train_relations.py``, ``train_entities.py``).

An L2-regularised logistic regression fitted by Newton's method with numpy: deterministic, no other
dependency. Column 0 is the bias and is (almost) not penalised.

>>> import numpy as np
>>> w = fit(np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 1.0], [1.0, 0.0]]), np.array([0.0, 1.0, 1.0, 0.0]), 1.0)
>>> bool(w[1] > 0)
True
"""

from __future__ import annotations

import numpy as np

__all__ = ["fit"]


def fit(X: np.ndarray, y: np.ndarray, l2: float, iters: int = 50, tol: float = 1e-8) -> np.ndarray:
    """Weights of an L2-regularised logistic regression of ``y`` on ``X`` (Newton steps until the largest
    step is below ``tol``, at most ``iters``)."""
    w = np.zeros(X.shape[1])
    pen = np.full(X.shape[1], l2)
    pen[0] = 1e-6
    for _ in range(iters):
        p = 1 / (1 + np.exp(-np.clip(X @ w, -30, 30)))
        g = X.T @ (p - y) + pen * w
        H = X.T @ (X * (p * (1 - p))[:, None]) + np.diag(pen)
        step = np.linalg.solve(H, g)
        w -= step
        if np.abs(step).max() < tol:
            break
    return w
