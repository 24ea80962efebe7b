"""Limits on how often one connection may submit a public form.

Only stored submissions (and caught robots) count, checked on every POST: a person
correcting mistakes in a form is never locked out by them.
"""

from dataclasses import dataclass

from django.http import HttpRequest
from django_ratelimit.core import get_usage  # type: ignore[import-untyped]


@dataclass(frozen=True)
class SubmissionLimit:
    group: str
    rate: str  # such as "5/h"; a callable path is not needed here

    def _usage(self, request: HttpRequest, *, count: bool) -> dict[str, int] | None:
        usage: dict[str, int] | None = get_usage(
            request, group=self.group, key="ip", rate=self.rate, method="POST", increment=count
        )
        return usage

    def reached(self, request: HttpRequest) -> bool:
        usage = self._usage(request, count=False)
        return usage is not None and usage["count"] >= usage["limit"]

    def count(self, request: HttpRequest) -> None:
        self._usage(request, count=True)
