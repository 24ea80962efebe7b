"""The national office's review of partnership applications."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bilim.accounts.models import User
from bilim.accounts.permissions import requires
from bilim.accounts.selectors import Capability, scope_for

from ..errors import PartnersError
from ..forms import ReviewForm
from ..models import PartnershipApplication
from ..selectors import application_counts, application_get, application_list
from ..services import TRANSITIONS, application_comment, application_transition

Status = PartnershipApplication.Status

DONE = {
    Status.UNDER_REVIEW: gettext_lazy("The application is now under review."),
    Status.ACCEPTED: gettext_lazy(
        "The application was accepted and the partner record was created: "
        "complete its names, description and logo."
    ),
    Status.DECLINED: gettext_lazy("The application was declined."),
}


@requires(Capability.MANAGE_PARTNERS)
def application_list_view(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user)
    status = request.GET.get("status")
    status = status if status in Status.values else None
    counts = application_counts(scope=scope)
    return render(
        request,
        "partners/application_list.html",
        {
            "applications": application_list(scope=scope, status=status),
            "status": status,
            "filters": [(value, label, counts[value]) for value, label in Status.choices],
        },
    )


@requires(Capability.MANAGE_PARTNERS)
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        application = application_get(scope=scope_for(request.user), pk=pk)
    except PartnershipApplication.DoesNotExist:
        raise Http404 from None
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        author: User = request.user  # type: ignore[assignment]
        action, comment = form.cleaned_data["action"], form.cleaned_data["comment"]
        try:
            if action == ReviewForm.COMMENT_ONLY:
                application_comment(application=application, author=author, comment=comment)
                messages.success(request, _("The comment was added."))
            else:
                application_transition(
                    application=application, to_status=action, author=author, comment=comment
                )
                messages.success(request, DONE[Status(action)])
        except PartnersError as error:
            form.add_error(error.field, error.message)
        else:
            return redirect("partners:staff-application-detail", application.pk)
    next_statuses = [Status(s) for s in Status.values if s in TRANSITIONS[application.status]]
    return render(
        request,
        "partners/application_detail.html",
        {"application": application, "form": form, "next_statuses": next_statuses},
    )
