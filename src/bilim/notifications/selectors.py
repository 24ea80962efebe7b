from dataclasses import dataclass

from django.db.models import QuerySet

from bilim.accounts.selectors import Capability, Scope
from bilim.centers.models import Center

from .models import Message


def message_list(*, scope: Scope, status: str = Message.Status.FAILED) -> QuerySet[Message]:
    """Return the messages of a status within the scope's centers (national: all)."""
    if not scope.can(Capability.VIEW_MESSAGES):
        return Message.objects.none()
    messages = Message.objects.filter(status=status).select_related("center")
    return scope.filter(messages, region="center__district__region", center="center")


@dataclass(frozen=True)
class MessageTrouble:
    failed: int  # given up after every retry
    retrying: int  # failed at least once, to be tried again

    @property
    def total(self) -> int:
        return self.failed + self.retrying


def message_trouble(*, scope: Scope, center: Center | None = None) -> MessageTrouble:
    """Count the messages in scope (or of one center) that could not be sent, or wait to be
    retried: what the trouble list shows."""
    failed = message_list(scope=scope, status=Message.Status.FAILED)
    retrying = message_list(scope=scope, status=Message.Status.PENDING).filter(attempts__gt=0)
    if center is not None:
        failed, retrying = failed.filter(center=center), retrying.filter(center=center)
    return MessageTrouble(failed=failed.count(), retrying=retrying.count())


def trouble_count(*, scope: Scope) -> int:
    """How many messages in scope could not be sent, or are waiting to be retried."""
    return message_trouble(scope=scope).total
