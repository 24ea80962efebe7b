"""Services of the partners app, against the database."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import translation

from bilim.accounts.models import Role
from bilim.partners.errors import PartnersError
from bilim.partners.models import (
    Agreement,
    ApplicationEvent,
    Contribution,
    Direction,
    Partner,
    PartnershipApplication,
)
from bilim.partners.services import (
    agreement_save,
    application_comment,
    application_submit,
    application_transition,
    contribution_save,
    partner_slug_for,
    partner_upsert,
)
from tests.factories import PartnerFactory, RegionFactory, UserFactory

from .factories import AgreementFactory, ApplicationFactory, pdf_upload, png_upload

Status = PartnershipApplication.Status
NAMES = {"ky": "Санарип Кыргызстан", "ru": "Цифровой Кыргызстан", "en": "Digital Kyrgyzstan"}


@pytest.fixture
def reviewer(db):
    from bilim.accounts.services import role_assign

    user = UserFactory(username="reviewer")
    role_assign(user=user, role=Role.NATIONAL)
    return user


# --- partner registry -------------------------------------------------------------------


def test_partner_upsert_stores_names_descriptions_and_regions_in_three_languages(db):
    region = RegionFactory.create()
    partner = partner_upsert(
        slug="digital-kg",
        kind=Partner.Kind.BUSINESS,
        names=NAMES,
        directions=["digital", "e-services"],
        descriptions={"ky": "Санарип сабаттуулук", "ru": "Цифровая грамотность", "en": ""},
        regions=[region],
        contact_person="Айгүл Осмонова",
    )
    partner.refresh_from_db()
    assert (partner.name_ky, partner.name_ru, partner.name_en) == tuple(NAMES.values())
    assert set(partner.directions.values_list("code", flat=True)) == {"digital", "e-services"}
    assert list(partner.regions.all()) == [region]
    with translation.override("en"):
        assert partner.description == "Санарип сабаттуулук"  # English falls back to Kyrgyz
    with translation.override("ru"):
        assert partner.description == "Цифровая грамотность"


def test_partner_upsert_without_new_fields_keeps_them(db):
    region = RegionFactory.create()
    partner_upsert(
        slug="kept",
        kind="media",
        names=NAMES,
        directions=["civic"],
        descriptions=dict.fromkeys(("ky", "ru", "en"), "Сүрөттөмө"),
        regions=[region],
        contact_person="Бакыт",
    )
    # A loader that knows only the old arguments (the demo network) erases nothing.
    partner = partner_upsert(slug="kept", kind="media", names=NAMES, directions=["civic"])
    assert partner.description_ru == "Сүрөттөмө"
    assert partner.contact_person == "Бакыт"
    assert list(partner.regions.all()) == [region]


def test_partner_logo_is_stored_and_replaced(db, media):
    partner = partner_upsert(
        slug="with-logo", kind="media", names=NAMES, directions=["civic"], logo=png_upload()
    )
    first = partner.logo.name
    assert first is not None and first.startswith("partners/logos/")
    assert (media / first).exists()
    partner = partner_upsert(
        slug="with-logo", kind="media", names=NAMES, directions=["civic"], remove_logo=True
    )
    assert not partner.logo


@pytest.mark.parametrize(
    ("upload", "code"),
    [
        (SimpleUploadedFile("logo.svg", b"<svg onload='alert(1)'/>"), "logo_not_an_image"),
        (SimpleUploadedFile("logo.png", b"not really a picture"), "logo_not_an_image"),
        (png_upload(size=(2600, 2600)), None),  # a PNG this large is still small on disk
    ],
)
def test_logo_must_be_a_raster_image(db, media, upload, code):
    kwargs = {"slug": "logo-check", "kind": "media", "names": NAMES, "directions": ["civic"]}
    if code is None:
        assert partner_upsert(**kwargs, logo=upload).logo
        return
    with pytest.raises(ValidationError) as error:
        partner_upsert(**kwargs, logo=upload)
    assert error.value.error_dict["logo"][0].code == code


def test_logo_larger_than_one_megabyte_is_refused(db, media):
    big = SimpleUploadedFile("logo.png", png_upload().read() + b"\0" * (1024 * 1024))
    with pytest.raises(ValidationError) as error:
        partner_upsert(slug="big", kind="media", names=NAMES, directions=["civic"], logo=big)
    assert error.value.error_dict["logo"][0].code == "logo_too_large"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Жаштар демилгеси", "jashtar-demilgesi"),
        ("Өнүгүү жана Ыңгайлуулук", "onuguu-jana-ynggayluuluk"),
        ("Союз банков Кыргызстана", "soyuz-bankov-kyrgyzstana"),
        ("KOICA Kyrgyzstan", "koica-kyrgyzstan"),
        ("«»", "partner"),
        ("Apply", "apply-2"),  # a word the page addresses use
    ],
)
def test_partner_slug_is_transliterated(db, name, expected):
    assert partner_slug_for(name) == expected


def test_partner_slug_gets_a_number_when_taken(db):
    PartnerFactory(slug="jashtar")
    PartnerFactory(slug="jashtar-2")
    assert partner_slug_for("Жаштар") == "jashtar-3"


# --- agreements and contributions ----------------------------------------------------------


def test_agreement_cannot_end_before_it_is_signed(db):
    partner = PartnerFactory()
    with pytest.raises(ValidationError) as error:
        agreement_save(
            partner=partner,
            kind="contract",
            number="1",
            signed_on=datetime.date(2026, 5, 1),
            valid_until=datetime.date(2026, 4, 30),
            scopes={},
        )
    assert "valid_until" in error.value.error_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        Agreement.objects.create(
            partner=partner,
            kind="contract",
            signed_on=datetime.date(2026, 5, 1),
            valid_until=datetime.date(2026, 4, 30),
        )


def test_agreement_may_be_open_ended_and_carries_a_pdf(db, media):
    agreement = agreement_save(
        partner=PartnerFactory(),
        kind="memorandum",
        number="МК-7",
        signed_on=datetime.date(2026, 1, 15),
        valid_until=None,
        scopes={"ky": "Тренингдер", "ru": "Тренинги", "en": "Trainings"},
        file=pdf_upload(),
    )
    assert agreement.state_on(datetime.date(2030, 1, 1)) == "open-ended"
    assert (media / "private" / agreement.file.name).exists()
    name = agreement.file.name
    assert name is not None and name.startswith("partners/agreements/")
    assert "signed" not in name  # a random name, not the uploaded one


def test_agreement_file_must_be_a_pdf(db, media):
    fake = SimpleUploadedFile("scan.pdf", b"MZ\x90\x00 an executable")
    with pytest.raises(ValidationError) as error:
        agreement_save(
            partner=PartnerFactory(),
            kind="memorandum",
            number="",
            signed_on=datetime.date(2026, 1, 15),
            valid_until=None,
            scopes={},
            file=fake,
        )
    assert error.value.error_dict["file"][0].code == "not_pdf"


def test_new_end_date_rearms_the_expiry_reminder(db):
    agreement = AgreementFactory(reminder_sent_on=datetime.date(2026, 2, 1))
    fields = {
        "partner": agreement.partner,
        "agreement": agreement,
        "kind": agreement.kind,
        "number": agreement.number,
        "signed_on": agreement.signed_on,
        "scopes": {"ky": "x"},
    }
    same = agreement_save(**fields, valid_until=agreement.valid_until)
    assert same.reminder_sent_on == datetime.date(2026, 2, 1)
    renewed = agreement_save(**fields, valid_until=datetime.date(2029, 3, 1))
    assert renewed.reminder_sent_on is None


@pytest.mark.parametrize(
    ("kind", "amount", "currency"),
    [
        ("funding", None, ""),  # funding needs an amount
        ("equipment", Decimal("100"), ""),  # an amount needs a currency
        ("equipment", None, "USD"),  # and a currency needs an amount
        ("funding", Decimal("0"), "KGS"),  # more than zero
        ("funding", Decimal("-5"), "USD"),
    ],
)
def test_contribution_rules_are_enforced_by_the_database(db, kind, amount, currency):
    partner = PartnerFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Contribution.objects.create(
            partner=partner, kind=kind, amount=amount, currency=currency, year=2026
        )
    with pytest.raises(ValidationError):
        contribution_save(
            partner=partner,
            kind=kind,
            year=2026,
            descriptions={},
            amount=amount,
            currency=currency,
        )


def test_contribution_in_kind_needs_no_amount(db):
    contribution = contribution_save(
        partner=PartnerFactory(),
        kind="trainers",
        year=2026,
        descriptions={"ky": "Эки тренер", "ru": "Два тренера", "en": "Two trainers"},
    )
    assert contribution.amount is None and contribution.currency == ""
    with translation.override("ru"):
        assert contribution.description == "Два тренера"


# --- partnership applications ----------------------------------------------------------------


def test_submission_stores_the_application_with_its_history(db):
    region = RegionFactory.create()
    application = application_submit(
        organisation="  Жаштар демилгеси ",
        kind="civil_society",
        contact_name="Айгүл Осмонова",
        email="aigul@jashtar.kg",
        offer="Тренерлер",
        directions=Direction.objects.filter(code__in=["civic", "digital"]),
        regions=[region],
        language="ru",
    )
    assert application.organisation == "Жаштар демилгеси"
    assert application.status == Status.RECEIVED
    assert application.language == "ru"
    assert application.directions.count() == 2
    assert [(e.from_status, e.to_status) for e in application.events.all()] == [("", "received")]


@pytest.mark.parametrize(
    ("start", "target"),
    [
        (Status.RECEIVED, Status.UNDER_REVIEW),
        (Status.RECEIVED, Status.DECLINED),
        (Status.UNDER_REVIEW, Status.DECLINED),
        (Status.UNDER_REVIEW, Status.ACCEPTED),
    ],
)
def test_allowed_transitions(reviewer, start, target):
    application = ApplicationFactory(status=start)
    done = application_transition(
        application=application, to_status=target, author=reviewer, comment="Жакшы сунуш"
    )
    assert done.status == target
    event = done.events.get()
    assert (event.from_status, event.to_status, event.author) == (start, target, reviewer)
    assert (done.decided_at is not None) == (target in (Status.ACCEPTED, Status.DECLINED))


@pytest.mark.parametrize(
    ("start", "target"),
    [
        (Status.RECEIVED, Status.ACCEPTED),  # no acceptance without a review
        (Status.RECEIVED, Status.RECEIVED),
        (Status.UNDER_REVIEW, Status.RECEIVED),
        (Status.ACCEPTED, Status.DECLINED),
        (Status.DECLINED, Status.UNDER_REVIEW),
        (Status.DECLINED, Status.ACCEPTED),
        (Status.RECEIVED, "archived"),
    ],
)
def test_refused_transitions_change_nothing(reviewer, start, target):
    application = ApplicationFactory(status=start)
    with translation.override("ru"), pytest.raises(PartnersError) as error:
        application_transition(
            application=application, to_status=target, author=reviewer, comment="x"
        )
    assert "Заявка не может перейти" in error.value.message
    application.refresh_from_db()
    assert application.status == start
    assert not ApplicationEvent.objects.filter(application=application).exists()


def test_declining_needs_a_comment(reviewer):
    application = ApplicationFactory()
    with pytest.raises(PartnersError) as error:
        application_transition(
            application=application, to_status=Status.DECLINED, author=reviewer, comment="  "
        )
    assert error.value.field == "comment"
    application.refresh_from_db()
    assert application.status == Status.RECEIVED


def test_accepting_creates_the_partner_record(reviewer):
    region = RegionFactory.create()
    application = ApplicationFactory(
        organisation="Жаштар демилгеси",
        kind="academic",
        website="https://jashtar.kg",
        status=Status.UNDER_REVIEW,
        directions=Direction.objects.filter(code__in=["civic", "community"]),
    )
    application.regions.set([region])
    PartnerFactory(slug="jashtar-demilgesi")  # a partner already has the natural short code
    done = application_transition(
        application=application, to_status=Status.ACCEPTED, author=reviewer
    )
    partner = done.partner
    assert partner is not None
    assert partner.slug == "jashtar-demilgesi-2"
    assert partner.name_ky == partner.name_ru == partner.name_en == "Жаштар демилгеси"
    assert partner.kind == "academic" and partner.is_active
    assert partner.website == "https://jashtar.kg"
    assert partner.contact_person == application.contact_name
    assert set(partner.directions.values_list("code", flat=True)) == {"civic", "community"}
    assert list(partner.regions.all()) == [region]


def test_accepted_application_always_has_its_partner(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        PartnershipApplication.objects.create(
            organisation="x", kind="media", contact_name="x", email="x@x.kg", offer="x",
            status=Status.ACCEPTED,
        )  # fmt: skip


def test_comment_keeps_the_status_and_needs_text(reviewer):
    application = ApplicationFactory(status=Status.UNDER_REVIEW)
    event = application_comment(application=application, author=reviewer, comment="Чалдым")
    assert (event.from_status, event.to_status, event.changes_status) == (
        Status.UNDER_REVIEW,
        Status.UNDER_REVIEW,
        False,
    )
    with pytest.raises(PartnersError):
        application_comment(application=application, author=reviewer, comment=" ")
