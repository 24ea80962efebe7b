"""The three languages the network works in, as choices named in the reader's language.

(`settings.LANGUAGES` names each language in itself, for the language switch.)
"""

from django.utils.translation import gettext_lazy as _

LANGUAGES = [("ky", _("Kyrgyz")), ("ru", _("Russian")), ("en", _("English"))]
