from django.db.models import QuerySet

from bilim.accounts.selectors import Capability, Scope

from .models import Message


def message_list(*, scope: Scope, status: str = Message.Status.FAILED) -> QuerySet[Message]:
    """Return the messages of a status within the scope's centers (national: all)."""
    if not scope.can(Capability.VIEW_MESSAGES):
        return Message.objects.none()
    messages = Message.objects.filter(status=status).select_related("center")
    return scope.filter(messages, region="center__district__region", center="center")


def trouble_count(*, scope: Scope) -> int:
    """How many messages in scope could not be sent, or are waiting to be retried."""
    failed = message_list(scope=scope, status=Message.Status.FAILED).count()
    retrying = message_list(scope=scope, status=Message.Status.PENDING).filter(attempts__gt=0)
    return failed + retrying.count()
