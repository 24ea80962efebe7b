"""Public pages: the catalog with its search and filters, one program, streams live now.

Pages render whole on the server and filter with plain GET forms. The parts that do not
depend on who is asking are cached for a short time per language, so that a crowd on
slow phones costs the database little.
"""

import hashlib
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, cast
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from bilim.programs.models import Program
from bilim.web.fragments import cached_part
from bilim.web.languages import LANGUAGES

from ..catalog import (
    CatalogChoices,
    CatalogFilters,
    Place,
    PlaceOption,
    catalog_choices,
    catalog_program_list,
    live_session_list,
    program_offering_list,
    program_public_get,
)
from ..models import Offering

PER_PAGE = 20
RESULTS_TIMEOUT = 60
# Shared locations are rounded (about 1 km) so that nearby visitors share a cache entry.
POINT_DIGITS = 2
LATITUDES = (Decimal(39), Decimal(44))
LONGITUDES = (Decimal(69), Decimal(81))
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]


class CodeField(forms.CharField):
    """One code out of a known set; the options themselves render from `CatalogForm.groups`.

    Cheaper than a ChoiceField, whose choices Django normalizes on every request.
    """

    default_error_messages = {
        "invalid_choice": _("Choose from the list: “%(value)s” is not in it."),
    }

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, max_length=40, **kwargs)
        self.valid: frozenset[str] = frozenset()

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value and value not in self.valid:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )


class CatalogForm(forms.Form):
    """The catalog's search and filters; every field may be left empty."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=100,
        help_text=_("A word from the name or the subject, in Kyrgyz, Russian or English."),
    )
    direction = CodeField(label=_("Direction"))
    audience = CodeField(label=_("Who it is for"))
    region = CodeField(label=_("Region"))
    district = CodeField(label=_("District or city"))
    center = CodeField(label=_("Center"))
    language = CodeField(label=_("Language"))
    format = CodeField(label=_("Format"))
    date_from = forms.DateField(
        label=_("From"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        label=_("Until"),
        required=False,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    free = forms.BooleanField(label=_("Only with free places"), required=False)

    def __init__(self, data: QueryDict, *, choices: CatalogChoices) -> None:
        super().__init__(data)
        # Options as (group label, [(value, label)]); "" for options outside a group.
        self.groups: dict[str, list[tuple[str, list[tuple[str, Any]]]]] = {}
        self._choice("direction", _("All directions"), [("", choices.directions)])
        self._choice("audience", _("All audiences"), [("", choices.audiences)])
        self._choice("region", _("All regions"), [("", choices.regions)])
        self._choice(
            "district",
            _("All districts"),
            [
                (region, [(d.code, d.name) for d in options])
                for region, options in choices.districts
            ],
        )
        self._choice("center", _("All centers"), choices.centers)
        self._choice("language", _("Any language"), [("", LANGUAGES)])
        self._choice("format", _("Any format"), [("", Offering.Format.choices)])

    def _choice(self, name: str, everything: Any, groups: list[tuple[str, Any]]) -> None:
        self.groups[name] = [("", [("", everything)]), *groups]
        cast(CodeField, self.fields[name]).valid = frozenset(
            str(code) for _group, options in groups for code, _label in options
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, last = data.get("date_from"), data.get("date_to")
        if first and last and last < first:
            self.add_error("date_to", _("The end date must not be before the start date."))
        return data

    def filters(self) -> CatalogFilters:
        """The valid part of what was asked: a wrong field is reported and left out."""
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return CatalogFilters(
            query=" ".join((data.get("q") or "").split()),
            region=data.get("region") or "",
            district=data.get("district") or "",
            center=data.get("center") or "",
            direction=data.get("direction") or "",
            audience=data.get("audience") or "",
            language=data.get("language") or "",
            format=data.get("format") or "",
            date_from=data.get("date_from"),
            date_to=data.get("date_to") if "date_to" not in self.errors else None,
            free_places=bool(data.get("free")),
        )

    @property
    def more_filters_used(self) -> bool:
        """Whether to show the folded filters open: something in them is chosen."""
        return any(self.data.get(name) for name in self.fields if name != "q")


def _query(filters: CatalogFilters) -> dict[str, str]:
    """The filters as GET parameters, without the empty ones."""
    params = {
        "q": filters.query,
        "direction": filters.direction,
        "audience": filters.audience,
        "region": filters.region,
        "district": filters.district,
        "center": filters.center,
        "language": filters.language,
        "format": filters.format,
        "date_from": filters.date_from.isoformat() if filters.date_from else "",
        "date_to": filters.date_to.isoformat() if filters.date_to else "",
        "free": "on" if filters.free_places else "",
    }
    return {key: value for key, value in params.items() if value}


def _place_query(filters: CatalogFilters) -> str:
    """The catalog's place for the program page's links: it orders the offerings there."""
    if filters.district:
        return f"?{urlencode({'district': filters.district})}"
    if filters.region:
        return f"?{urlencode({'region': filters.region})}"
    return ""


def _catalog_body(form: CatalogForm, filters: CatalogFilters, page_number: str) -> str:
    base_query = urlencode(_query(filters))
    paginator = Paginator(catalog_program_list(filters=filters), PER_PAGE)
    return render_to_string(
        "catalog/public/includes/catalog_body.html",
        {
            "form": form,
            "filters": filters,
            "page": paginator.get_page(page_number),
            "base_query": base_query,
            "program_query": _place_query(filters),
        },
    )


def program_catalog(request: HttpRequest) -> HttpResponse:
    form = CatalogForm(request.GET, choices=catalog_choices())
    valid = form.is_valid()
    filters = form.filters()
    page = request.GET.get("page", "")
    page_number = page if page.isdigit() and len(page) < 6 else "1"
    if not valid:
        # Rare, and it must show what was typed: never cached.
        body = _catalog_body(form, filters, page_number)
    else:
        # A valid form shows exactly its filters, so the page is the same for everyone.
        query = urlencode(_query(filters))
        digest = hashlib.sha256(f"{query}|{page_number}".encode()).hexdigest()[:32]
        body = cached_part(
            f"catalog:body:{digest}",
            lambda: _catalog_body(form, filters, page_number),
            RESULTS_TIMEOUT,
        )
    return render(request, "catalog/public/catalog.html", {"body": body})


def _decimal(value: str | None, bounds: tuple[Decimal, Decimal]) -> Decimal | None:
    try:
        number = Decimal(value or "")
    except InvalidOperation:
        return None
    if not number.is_finite() or not bounds[0] <= number <= bounds[1]:
        return None
    return round(number, POINT_DIGITS)


def _point(option: PlaceOption) -> tuple[Decimal, Decimal]:
    return Decimal(option.latitude), Decimal(option.longitude)


@dataclass(frozen=True)
class VisitorPlace:
    """Where the visitor is, as the program page's address says."""

    place: Place | None = None
    # A shared location, rounded; None when a place was chosen instead.
    point: tuple[Decimal, Decimal] | None = None
    # A district or region was asked for that is not in the list.
    wrong: bool = False

    @property
    def key(self) -> str:
        """The cache key part: the same place shows the same page."""
        if self.place is not None:
            return f"{self.place.kind}:{self.place.code}"
        if self.point is not None:
            return f"{self.point[0]},{self.point[1]}"
        return f"-:{self.wrong:d}"


def _visitor_place(request: HttpRequest, choices: CatalogChoices) -> VisitorPlace:
    """Where the visitor is: a shared location wins over a district, a district over a region."""
    lat = _decimal(request.GET.get("lat"), LATITUDES)
    lon = _decimal(request.GET.get("lon"), LONGITUDES)
    if lat is not None and lon is not None:
        return VisitorPlace(point=(lat, lon))
    district_code = request.GET.get("district", "")
    region_code = request.GET.get("region", "")
    if district := choices.district(district_code):
        return VisitorPlace(Place("district", district.code, district.name, _point(district)))
    if region := choices.region(region_code):
        return VisitorPlace(Place("region", region.code, region.name, _point(region)))
    return VisitorPlace(wrong=bool(district_code or region_code))


def _language_names(program: Program) -> list[str]:
    names = dict(LANGUAGES)
    codes = program.languages if isinstance(program.languages, list) else []
    return [str(names[code]) for code in codes if code in names]


def _program_part(request: HttpRequest, code: str, visitor: VisitorPlace) -> dict[str, str] | None:
    try:
        program = program_public_get(code=code)
    except Program.DoesNotExist:
        return None
    choices = catalog_choices()
    place = visitor.place
    where_html = render_to_string(
        "catalog/public/includes/program_where.html",
        {
            "offerings": program_offering_list(program=program, place=place, point=visitor.point),
            "placed": place is not None or visitor.point is not None,
            "place": place,
            "regions": choices.regions,
            "districts": choices.districts,
            "located": visitor.point is not None,
            "wrong_place": visitor.wrong,
        },
    )
    body = render_to_string(
        "catalog/public/includes/program_body.html",
        {"program": program, "languages": _language_names(program), "where_html": where_html},
        request,
    )
    return {"title": program.title, "summary": program.summary, "body": body}


def program_detail(request: HttpRequest, code: str) -> HttpResponse:
    visitor = _visitor_place(request, catalog_choices())
    key = f"catalog:program:{code[:60]}:{visitor.key}"
    part = cached_part(key, lambda: _program_part(request, code, visitor), RESULTS_TIMEOUT)
    if part is None:
        raise Http404
    return render(
        request,
        "catalog/public/program_detail.html",
        {"title": part["title"], "summary": part["summary"], "body": mark_safe(part["body"])},  # noqa: S308 - our own template output
    )


def live_now(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "catalog/public/live.html",
        {"sessions": live_session_list(), "now": timezone.now()},
    )
