"""Submission limits count per client and window, in Redis as deployed and in any cache."""

import pytest
import redis
from django.test import RequestFactory

from bilim.web import ratelimits
from bilim.web.ratelimits import SubmissionLimit, client_address

REDIS_URL = "redis://127.0.0.1:6379/14"


@pytest.fixture(params=["redis", "cache"])
def store(request, settings):
    """Both ways counters are kept: Redis (one round trip each) and the Django cache."""
    settings.REDIS_URL = REDIS_URL if request.param == "redis" else ""
    ratelimits._redis.cache_clear()
    if request.param == "redis":
        redis.Redis.from_url(REDIS_URL).flushdb()
    else:
        from django.core.cache import cache

        cache.clear()
    yield request.param
    ratelimits._redis.cache_clear()


def post_from(address: str):
    return RequestFactory().post("/", REMOTE_ADDR=address)


def test_the_limit_is_reached_after_that_many_stored_submissions(store):
    limit = SubmissionLimit(group=f"test-{store}", rate="3/h")
    request = post_from("10.0.0.1")
    for _ in range(3):
        assert not limit.reached(request)
        limit.count(request)
    assert limit.reached(request)
    assert not limit.reached(post_from("10.0.0.2"))  # another connection is not held back
    assert not SubmissionLimit(group="other", rate="3/h").reached(request)


def test_a_window_ends(store, monkeypatch):
    limit = SubmissionLimit(group=f"window-{store}", rate="1/m")
    request = post_from("10.0.0.1")
    limit.count(request)
    assert limit.reached(request)
    now = ratelimits.time.time()
    monkeypatch.setattr(ratelimits.time, "time", lambda: now + 61)
    assert not limit.reached(request)


def test_redis_counters_expire_after_their_window(settings):
    settings.REDIS_URL = REDIS_URL
    ratelimits._redis.cache_clear()
    limit = SubmissionLimit(group="ttl", rate="5/h")
    request = post_from("10.0.0.1")
    limit.count(request)
    ttl = redis.Redis.from_url(REDIS_URL).ttl(limit._key(client_address(request)))
    assert 3600 < ttl <= 3600 + ratelimits.GRACE_SECONDS
    ratelimits._redis.cache_clear()


def test_an_ipv6_client_counts_as_its_network(settings):
    first = client_address(post_from("2001:db8:1:2::10"))
    assert first == client_address(post_from("2001:db8:1:2:ffff::1"))
    assert first != client_address(post_from("2001:db8:1:3::10"))
    assert client_address(post_from("192.0.2.7")) == "192.0.2.7"


def test_a_limit_can_count_per_phone_number(store):
    limit = SubmissionLimit(group=f"phone-{store}", rate="2/h")
    for _ in range(2):
        assert not limit.reached_for("+996555123456")
        limit.count_for("+996555123456")
    assert limit.reached_for("+996555123456")
    assert not limit.reached_for("+996555123457")
