"""gptkit's testing kit, public for users' own test suites.

- ``VirtualClock`` / ``no_waits()``: make retry and rate-limit waits instant and inspectable.
"""

from gptkit.testing._clock import VirtualClock, no_waits

__all__ = ["VirtualClock", "no_waits"]
