"""Client-side rate limiting: sans-IO bucket arithmetic, in-memory and Redis backends."""

from gptkit._ratelimit._config import RateLimit
from gptkit._ratelimit._limiter import RateLimiter, RateLimitStats, as_limiter
from gptkit._ratelimit._permit import RateLimitPermit
from gptkit._ratelimit._redis import RedisBackend

__all__ = ["RateLimit", "RateLimitPermit", "RateLimitStats", "RateLimiter", "RedisBackend", "as_limiter"]
