"""Public pages: the partners, one partner, and the partnership application form."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from bilim.web.ratelimits import SubmissionLimit

from ..forms import ApplicationForm
from ..models import Partner
from ..selectors import direction_list, partner_programs, public_partner_get, public_partner_groups
from ..services import application_submit

# Applications stored per address and hour; the acknowledgement e-mail must not become
# a way to send mail to strangers, and the national office's list must stay readable.
APPLY_LIMIT = SubmissionLimit(group="partners:apply", rate="5/h")


def partners_public(request: HttpRequest) -> HttpResponse:
    directions = list(direction_list())
    direction = next((d for d in directions if d.code == request.GET.get("direction")), None)
    return render(
        request,
        "partners/public_list.html",
        {
            "groups": public_partner_groups(direction=direction),
            "directions": directions,
            "direction": direction,
        },
    )


def partner_public(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        partner = public_partner_get(slug=slug)
    except Partner.DoesNotExist:
        raise Http404 from None
    return render(
        request,
        "partners/public_detail.html",
        {"partner": partner, "programs": partner_programs(partner=partner)},
    )


def partner_apply(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return render(request, "partners/apply.html", {"form": ApplicationForm()})
    form = ApplicationForm(request.POST)
    if APPLY_LIMIT.reached(request):
        form.is_valid()  # show any other problem now, so one more try is enough
        form.add_error(
            None,
            _(
                "Too many applications were sent from your connection in the last hour. "
                "Your answers are kept below: send them again in an hour, or call us."
            ),
        )
        return render(request, "partners/apply.html", {"form": form}, status=429)
    if form.is_spam:
        APPLY_LIMIT.count(request)
        return redirect("partners:apply-thanks")  # a robot learns nothing from the answer
    if not form.is_valid():
        return render(request, "partners/apply.html", {"form": form})
    application_submit(**form.application_fields(), language=get_language() or "ky")
    APPLY_LIMIT.count(request)
    return redirect("partners:apply-thanks")


def partner_apply_thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "partners/apply_thanks.html")
