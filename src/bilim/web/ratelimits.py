"""Limits on how often one connection may submit a public form.

Only stored submissions (and caught robots) count, checked on every POST: a person
correcting mistakes in a form is never locked out by them.

Counts are kept per fixed window (the hour of "5/h"). With Redis, checking is one GET
and counting one pipelined INCR+EXPIRE: the sign-up path is measured in round trips
(docs/performance.md), and the cache API needs five for the same work.
"""

import ipaddress
import time
from dataclasses import dataclass
from functools import cache

import redis
from django.conf import settings
from django.core.cache import cache as default_cache
from django.http import HttpRequest

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
# A counter outlives its window a little, so a count made at the window's last second stays.
GRACE_SECONDS = 60


@cache
def _redis() -> redis.Redis | None:
    """One client (and connection pool) per process, when Redis holds the cache."""
    return redis.Redis.from_url(settings.REDIS_URL) if settings.REDIS_URL else None


def client_address(request: HttpRequest) -> str:
    """The client's address; an IPv6 client counts as its /64 network, which it controls."""
    address = str(request.META.get(settings.RATELIMIT_IP_META_KEY, ""))
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)
    return str(ip)


@dataclass(frozen=True)
class SubmissionLimit:
    group: str
    rate: str  # such as "5/h": how many submissions per second, minute, hour or day

    @property
    def limit(self) -> int:
        return int(self.rate.split("/")[0])

    @property
    def period(self) -> int:
        return PERIODS[self.rate.split("/")[1][-1]]

    def _key(self, subject: str) -> str:
        window = int(time.time()) // self.period
        return f"submissions:{self.group}:{subject}:{window}"

    def reached(self, request: HttpRequest) -> bool:
        return self.reached_for(client_address(request))

    def count(self, request: HttpRequest) -> None:
        self.count_for(client_address(request))

    def reached_for(self, subject: str) -> bool:
        """Whether `subject` (an address, or a phone number) used up this window's rate."""
        key = self._key(subject)
        client = _redis()
        count = client.get(key) if client is not None else default_cache.get(key)
        return int(count or 0) >= self.limit

    def count_for(self, subject: str) -> None:
        key = self._key(subject)
        timeout = self.period + GRACE_SECONDS
        client = _redis()
        if client is not None:
            pipe = client.pipeline(transaction=False)
            pipe.incr(key)
            pipe.expire(key, timeout)
            pipe.execute()
        elif not default_cache.add(key, 1, timeout):
            try:
                default_cache.incr(key)
            except ValueError:  # the window's counter expired in between
                default_cache.add(key, 1, timeout)
