"""The module-level API of older ``openai`` scripts: settings, default client, legacy classes.

Everything here is private; ``gptkit/__init__.py`` re-exports the names old scripts use, loading
``_api`` (and the default client's machinery in ``_default``) on first use: ``import gptkit``
imports ``_module`` only.
"""

__all__: list[str] = []
