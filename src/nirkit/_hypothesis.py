"""Hypothesis start-up hook (the ``hypothesis`` entry point of nirkit).

Hypothesis calls :func:`_hypothesis_setup_hook` when it is imported, so that
``st.from_type(nirkit.NIR)`` works without importing :mod:`nirkit.strategies`
first. Registering is idempotent: importing the strategies again is harmless.
"""

from __future__ import annotations


def _hypothesis_setup_hook() -> None:
    import nirkit.strategies  # noqa: F401 (registers the strategy for NIR on import)
