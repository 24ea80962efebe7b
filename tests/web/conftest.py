# The real SMTP server and SMS gateway of the notifications tests, for the worker's tests.
from tests.notifications.conftest import (  # noqa: F401
    gateway,
    hanging_gateway,
    hanging_smtp,
    smtp,
)
