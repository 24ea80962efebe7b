"""Pages of the guides: public list and guide, staff list, guide, form, and the desk's list."""

from typing import cast

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bilim.accounts.models import User
from bilim.accounts.permissions import requires
from bilim.accounts.selectors import Capability, scope_for
from bilim.helpdesk.models import ServiceCategory

from .errors import MISSING_FOR_PUBLISHING, GuidesError
from .forms import GuideForm
from .models import Guide
from .selectors import (
    MAX_QUERY_LENGTH,
    Status,
    desk_guide_list,
    guide_counts,
    guide_get,
    guide_list,
    published_guide_get,
    published_guide_list,
    stale_before,
)
from .services import guide_create, guide_unpublish, guide_update

requires_reading = requires(Capability.MANAGE_GUIDES, Capability.LOG_CONSULTATIONS)
requires_editing = requires(Capability.MANAGE_GUIDES)


def _query(request: HttpRequest) -> str:
    return request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]


def _reading_context(guide: Guide) -> dict[str, object]:
    """What the public and the staff page of a guide both show."""
    return {
        "guide": guide,
        "text_lang": {text: guide.shown_language(text) for text in ("title", "summary", "body")},
        "documents_lang": guide.shown_language("documents"),
        "stale": guide.checked_on < stale_before(),
    }


def public_list(request: HttpRequest) -> HttpResponse:
    query = _query(request)
    return render(
        request,
        "guides/public_list.html",
        {"guides": published_guide_list(query=query), "query": query},
    )


def public_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        guide = published_guide_get(slug=slug)
    except Guide.DoesNotExist:
        raise Http404 from None
    return render(request, "guides/public_detail.html", _reading_context(guide))


def _scoped_guide(request: HttpRequest, slug: str) -> Guide:
    try:
        return guide_get(scope=scope_for(request.user), slug=slug)
    except Guide.DoesNotExist:
        # A draft looks to a desk the same as a guide that does not exist.
        raise Http404 from None


@requires_reading
def staff_list(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user)
    status = request.GET.get("status")
    status = status if status in Status.ALL else None
    query = _query(request)
    can_edit = scope.can(Capability.MANAGE_GUIDES)
    return render(
        request,
        "guides/staff/guide_list.html",
        {
            "guides": guide_list(scope=scope, status=status if can_edit else None, query=query),
            "status": status if can_edit else None,
            "query": query,
            "can_edit": can_edit,
            "counts": guide_counts(scope=scope) if can_edit else None,
            "stale_before": stale_before(),
        },
    )


@requires_reading
def staff_detail(request: HttpRequest, slug: str) -> HttpResponse:
    guide = _scoped_guide(request, slug)
    context = _reading_context(guide)
    context["can_edit"] = scope_for(request.user).can(Capability.MANAGE_GUIDES)
    return render(request, "guides/staff/guide_detail.html", context)


def _refused(form: GuideForm, error: GuidesError) -> None:
    # The form checks the same rules; a change made meanwhile by someone else lands here.
    for name in error.missing:
        form.add_error(name, MISSING_FOR_PUBLISHING[name])
    if not error.missing:
        form.add_error(error.field if error.field in form.fields else None, error.message)


def _saved(request: HttpRequest, guide: Guide) -> HttpResponse:
    if guide.published:
        messages.success(request, _("The guide was saved and published."))
    else:
        messages.success(request, _("The guide was saved as a draft."))
    return redirect("guides:staff-guide-detail", guide.slug)


@requires_editing
def staff_create(request: HttpRequest) -> HttpResponse:
    form = GuideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            guide = guide_create(
                fields=form.guide_fields(),
                slug=form.cleaned_data.get("slug", ""),
                user=cast(User, request.user),
            )
        except GuidesError as error:
            _refused(form, error)
        else:
            return _saved(request, guide)
    return render(request, "guides/staff/guide_form.html", {"form": form, "guide": None})


@requires_editing
def staff_edit(request: HttpRequest, slug: str) -> HttpResponse:
    guide = _scoped_guide(request, slug)
    form = GuideForm(request.POST or None, guide=guide)
    if request.method == "POST" and form.is_valid():
        try:
            guide = guide_update(
                guide=guide, fields=form.guide_fields(), user=cast(User, request.user)
            )
        except GuidesError as error:
            _refused(form, error)
        else:
            return _saved(request, guide)
    return render(request, "guides/staff/guide_form.html", {"form": form, "guide": guide})


@require_POST
@requires_editing
def staff_unpublish(request: HttpRequest, slug: str) -> HttpResponse:
    guide = guide_unpublish(guide=_scoped_guide(request, slug), user=cast(User, request.user))
    messages.success(request, _("The guide was taken off the site: it is a draft again."))
    return redirect("guides:staff-guide-detail", guide.slug)


def _desk_category(request: HttpRequest) -> ServiceCategory | None:
    wanted = request.GET.get("category", "")
    if not wanted.isdigit():
        return None
    return ServiceCategory.objects.filter(pk=int(wanted)).first()


@requires_reading
def desk_guides(request: HttpRequest) -> HttpResponse:
    """The list beside the consultation form, for the service chosen (htmx swaps it in)."""
    category = _desk_category(request)
    return render(
        request,
        "guides/includes/desk_guides.html#list",
        {"guides": desk_guide_list(category=category), "category": category, "oob": True},
    )
