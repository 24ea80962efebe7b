"""Month names as dates write them, listed so the project's catalogs can correct Django's.

Django's Kyrgyz catalog capitalises the month inside a date ("27 Ноябрь 2026 ж."), but
Kyrgyz writes it in lower case. These are Django's own msgids (context "alt. month",
used by the "E" date format); listing them here keeps them in our catalogs, which take
precedence over Django's. Nothing imports this module.
"""

from django.utils.translation import pgettext_lazy

MONTHS_ALT = (
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
)
