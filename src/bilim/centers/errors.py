from django.utils.translation import gettext_lazy as _

from bilim.core.errors import BilimError, ErrorMessage


class CentersError(BilimError):
    """A rule of the centers domain was broken; the message is for the person acting."""


NOT_ALLOWED_TRANSITION = ErrorMessage(
    "center_status_not_allowed", _("A center cannot go from “%(old)s” to “%(new)s”.")
)

# Importing centers from a spreadsheet: the file as a whole cannot be read.
FILE_EMPTY = ErrorMessage("import_file_empty", _("The file is empty."))
NO_HEADER = ErrorMessage("import_no_header", _("The first row must hold the column names."))
COLUMNS_MISSING = ErrorMessage(
    "import_columns_missing",
    _(
        "These columns are missing: %(columns)s. "
        "Export the centers to get a file with the right columns."
    ),
)
TOO_MANY_ROWS = ErrorMessage("import_too_many_rows", _("A file may hold at most %(n)s rows."))
NO_ROWS = ErrorMessage("import_no_rows", _("The file has column names but no rows."))
NOT_XLSX = ErrorMessage("import_not_xlsx", _("This is not a readable Excel (.xlsx) file."))
NOT_UTF8 = ErrorMessage("import_not_utf8", _("Save the CSV file as UTF-8 and try again."))
FILE_HAS_PROBLEMS = ErrorMessage(
    "import_file_has_problems", _("Fix the problems in the file first: nothing was imported.")
)
