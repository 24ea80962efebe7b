"""Import and export of centers (XLSX, CSV)."""

import io
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from bilim.accounts.permissions import requires
from bilim.accounts.selectors import Capability, scope_for
from bilim.web.spreadsheets import csv_download

from ..selectors import center_list
from ..transfer import ImportFileError, check_rows, export_rows, import_rows, read_table

PENDING = Path(settings.MEDIA_ROOT) / "imports"
MAX_UPLOAD_BYTES = 5 * 1024 * 1024


@requires(Capability.VIEW_CENTERS)
def centers_export(request: HttpRequest, fmt: str) -> HttpResponseBase:
    centers = center_list(scope=scope_for(request.user)).order_by("code")
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        return csv_download(export_rows(centers), filename=f"centers-{stamp}.csv")
    if fmt == "xlsx":
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("centers")
        for row in export_rows(centers):
            sheet.append(row)
        response = HttpResponse(
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        book.save(response)
        response["Content-Disposition"] = f'attachment; filename="centers-{stamp}.xlsx"'
        return response
    raise Http404


@requires(Capability.IMPORT_CENTERS)
def centers_import(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "centers/import.html", {})
    token = request.POST.get("token", "")
    if token:
        return _import_confirmed(request, token)
    upload = request.FILES.get("file")
    if upload is None:
        return render(request, "centers/import.html", {"file_error": _("Choose a file to check.")})
    if upload.size and upload.size > MAX_UPLOAD_BYTES:
        return render(
            request, "centers/import.html", {"file_error": _("The file is larger than 5 MB.")}
        )
    raw = upload.read()
    suffix = ".xlsx" if raw[:2] == b"PK" else ".csv"
    try:
        results = check_rows(read_table(io.BytesIO(raw), upload.name or ""))
    except ImportFileError as error:
        return render(request, "centers/import.html", {"file_error": str(error)})
    context = {
        "results": results,
        "problems": sum(1 for r in results if r.errors),
        "name": upload.name,
    }
    if not context["problems"]:
        PENDING.mkdir(parents=True, exist_ok=True)
        token = secrets.token_urlsafe(16)
        (PENDING / f"{token}{suffix}").write_bytes(raw)
        context["token"] = token
    return render(request, "centers/import.html", context)


def _import_confirmed(request: HttpRequest, token: str) -> HttpResponse:
    if not token.replace("-", "").replace("_", "").isalnum():
        raise Http404
    files = list(PENDING.glob(f"{token}.*"))
    if not files:
        messages.error(request, _("This check has expired. Choose the file again."))
        return redirect("centers:staff-center-import")
    path = files[0]
    try:
        with path.open("rb") as fh:
            results = check_rows(read_table(fh, path.name))
        created, updated = import_rows(results)
    except ImportFileError as error:
        return render(request, "centers/import.html", {"file_error": str(error)})
    finally:
        path.unlink(missing_ok=True)
    messages.success(
        request,
        _("Imported: %(created)s new centers, %(updated)s updated.")
        % {"created": created, "updated": updated},
    )
    return redirect("centers:staff-center-list")
