"""The roster on paper, for a center whose connection cannot be trusted during a session."""

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone

from bilim.web.pdf import html_to_pdf

from .access import requires_check_in, scoped_session
from .selectors import roster

# Empty rows at the end of the list, for the people who walk in and are written by hand.
BLANK_ROWS = 5


@requires_check_in
def roster_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    session = scoped_session(request, pk)
    html = render_to_string(
        "attendance/roster_pdf.html",
        {
            "session": session,
            "offering": session.offering,
            "people": roster(session=session),
            "blank_rows": range(BLANK_ROWS),
            "printed_at": timezone.now(),
        },
        request,
    )
    pdf = html_to_pdf(html)
    day = timezone.localtime(session.starts_at).date().isoformat()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="roster-{day}-{session.pk}.pdf"'
    return response
