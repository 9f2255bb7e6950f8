"""Shards: split one input between workers by a stable hash of each line's custom_id."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

__all__ = ["Shard"]


@dataclass(frozen=True)
class Shard:
    """Shard ``index`` of ``count`` (1-based: ``Shard(1, 4)`` .. ``Shard(4, 4)``, or ``"1/4"``).

    A line belongs to exactly one shard, chosen by a hash of its custom_id that is the same on
    every machine and Python version (not ``hash()``, which is salted per process). So N
    workers given the same input and shards 1/N .. N/N run every line exactly once, and each
    can be restarted on its own.
    """

    index: int
    count: int

    def __post_init__(self) -> None:
        for name in ("index", "count"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(f"shard {name} must be an int, not {value!r}")
        if not 1 <= self.index <= self.count:
            raise ValueError(f"shard must be K/N with 1 <= K <= N, not {self.index}/{self.count}")

    @classmethod
    def parse(cls, value: str | tuple[int, int] | Shard) -> Shard:
        """``"2/4"``, ``(2, 4)`` or a ``Shard``; ``ValueError`` otherwise."""
        if isinstance(value, Shard):
            return value
        if isinstance(value, tuple) and len(value) == 2:
            return cls(*value)
        if isinstance(value, str):
            index, sep, count = value.partition("/")
            if sep and index.strip().isdigit() and count.strip().isdigit():
                return cls(int(index), int(count))
        raise ValueError(f"shard must look like '2/4' (K of N, 1-based), not {value!r}")

    def holds(self, custom_id: str) -> bool:
        """Whether the line with ``custom_id`` belongs to this shard."""
        if self.count == 1:
            return True
        digest = hashlib.blake2b(custom_id.encode("utf-8"), digest_size=8).digest()
        return int.from_bytes(digest, "big") % self.count == self.index - 1

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"
