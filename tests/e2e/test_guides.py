"""Guides: the office writes one with the keyboard, a citizen finds and prints it, the desk
sees the guides of the service it chose."""

import pytest
from playwright.sync_api import Page, expect

from bilim.accounts.models import Role
from bilim.demo.guides import load_demo_guides
from bilim.guides.models import Guide
from bilim.helpdesk.models import ServiceCategory
from bilim.helpdesk.reference import categories_ensure
from tests.e2e.conftest import check_accessibility, screenshot, sign_in, t

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def _categories(transactional_db):
    categories_ensure()  # the live server's flush removed the migration's seed


@pytest.fixture
def demo_guides(transactional_db):
    load_demo_guides()
    return Guide.objects.get(slug="cloud-e-signature")


def _focused_id(page: Page) -> str:
    return str(page.evaluate("() => document.activeElement && document.activeElement.id"))


def _tab_to(page: Page, element_id: str, most: int) -> None:
    """Press Tab until the field has the focus, in at most `most` presses."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if _focused_id(page) == element_id:
            return
    raise AssertionError(f"{element_id} not reached in {most} Tab presses: {_focused_id(page)}")


def _type_language(page: Page, lang: str, title: str, summary: str, steps: list[str]) -> None:
    _tab_to(page, f"id_title_{lang}", 6)
    page.keyboard.type(title)
    page.keyboard.press("Tab")
    page.keyboard.type(summary)
    page.keyboard.press("Tab")
    for number, step in enumerate(steps, start=1):
        if number > 1:
            page.keyboard.press("Enter")
        page.keyboard.type(f"{number}. {step}")


def test_the_office_writes_a_guide_in_kyrgyz_and_russian_and_publishes_it(open_page, network):
    page = open_page(viewport="desktop")
    sign_in(page, network.users[Role.NATIONAL].username, lang="ky")
    page.goto("/ky/staff/guides/")
    page.get_by_role("link", name=t("ky", "Add a guide")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("ky", "Add a guide"))

    # The service: the select takes the focus, arrows choose (the 8th is the e-signature).
    page.locator("#id_category").focus()
    signature = ServiceCategory.objects.get(code="e-signature")
    for _ in range(8):
        page.keyboard.press("ArrowDown")
    expect(page.locator("#id_category")).to_have_value(str(signature.pk))
    _type_language(
        page,
        "ky",
        "Булуттагы кол тамганы узартуу",
        "Кол тамганын мөөнөтү бүтө электе аны узартыңыз.",
        ["Паспортуңузду алыңыз.", "Жардам пунктуна келиңиз."],
    )
    # Published before the Russian text is written: the form says what is missing.
    page.locator("#id_published").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text(t("ky", "Write the title in Russian before publishing."))
    expect(summary).to_contain_text(t("ky", "Write the steps in Russian before publishing."))
    expect(page.locator("#id_title_ky")).to_have_value("Булуттагы кол тамганы узартуу")
    expect(page.locator("#id_published")).to_be_checked()
    check_accessibility(page)
    screenshot(page, "guides-form-error-ky-desktop")

    # The error summary leads to the field; the Russian text is typed from there.
    summary.get_by_role("link").first.focus()
    page.keyboard.press("Enter")
    page.locator("#id_documents_ky").focus()
    _type_language(
        page,
        "ru",
        "Продление облачной подписи",
        "Продлите подпись до окончания её срока.",
        ["Возьмите паспорт.", "Придите в пункт помощи."],
    )
    page.locator("#id_published").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")

    expect(page.locator(".messages")).to_contain_text(t("ky", "The guide was saved and published."))
    guide = Guide.objects.get()
    assert guide.published
    assert guide.category == signature
    assert guide.body_ru == "1. Возьмите паспорт.\n2. Придите в пункт помощи."
    assert guide.updated_by == network.users[Role.NATIONAL]
    expect(page.locator(".steps li")).to_have_count(2)
    check_accessibility(page)
    screenshot(page, "guides-staff-detail-ky-desktop")

    # A citizen finds it on the public list in Kyrgyz and opens it.
    citizen = open_page("/ky/guides/", viewport="phone")
    citizen.get_by_label(t("ky", "Search the guides")).fill("узартуу")
    citizen.keyboard.press("Enter")
    citizen.get_by_role("link", name="Булуттагы кол тамганы узартуу").click()
    expect(citizen.get_by_role("heading", level=1)).to_have_text("Булуттагы кол тамганы узартуу")
    expect(citizen.locator(".steps li").first).to_have_text("Паспортуңузду алыңыз.")


@pytest.mark.parametrize("lang", ["ky", "ru"])
@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_a_citizen_finds_a_guide_and_prints_it(open_page, demo_guides, lang, viewport):
    page = open_page(f"/{lang}/", viewport=viewport)
    page.add_init_script("window.print = () => { window.printed = true; };")
    if viewport == "phone":
        # The phone's menu is folded behind its button.
        page.locator("summary.menu-button").click()
    page.locator(f'.main-nav a[href="/{lang}/guides/"]').click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t(lang, "Guides to state e-services"))
    for name in ("e-signature", "social-fund"):
        service = ServiceCategory.objects.get(code=name)
        expect(page.get_by_role("heading", name=getattr(service, f"name_{lang}"))).to_be_visible()
    check_accessibility(page)
    screenshot(page, f"guides-list-{lang}-{viewport}")

    search = page.get_by_label(t(lang, "Search the guides"))
    search.fill("кол тамга" if lang == "ky" else "подпись")
    search.press("Enter")
    title = getattr(demo_guides, f"title_{lang}")
    expect(page.get_by_role("link", name=title)).to_be_visible()
    expect(page.get_by_role("status")).to_be_visible()
    page.get_by_role("link", name=title).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.locator(".steps li")).to_have_count(5)
    expect(page.get_by_role("link", name="https://esia.tunduk.kg/")).to_be_visible()
    check_accessibility(page)
    screenshot(page, f"guides-detail-{lang}-{viewport}")

    print_button = page.get_by_role("button", name=t(lang, "Print"))
    print_button.click()
    assert page.evaluate("window.printed === true")

    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".main-nav")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(print_button).to_be_hidden()
    expect(page.locator(".help-note")).to_be_hidden()
    expect(page.locator(".guide-official")).to_contain_text("https://esia.tunduk.kg/")
    expect(page.locator(".guide-checked")).to_be_visible()
    expect(page.locator(".print-only")).to_contain_text(f"/{lang}/guides/cloud-e-signature/")
    font_size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert font_size >= 18  # 14pt: large enough to read on paper
    if viewport == "desktop":
        screenshot(page, f"guides-print-{lang}")


def test_without_javascript_the_print_button_stays_hidden(open_page, demo_guides):
    page = open_page("/ru/guides/cloud-e-signature/", java_script_enabled=False)
    expect(page.get_by_role("heading", level=1)).to_have_text(demo_guides.title_ru)
    expect(page.locator("[data-print]")).to_be_hidden()


def test_a_draft_is_not_on_the_public_site(open_page, demo_guides):
    Guide.objects.filter(pk=demo_guides.pk).update(published=False)
    page = open_page("/ky/guides/")
    expect(page.get_by_role("link", name=demo_guides.title_ky)).to_have_count(0)
    response = page.goto("/ky/guides/cloud-e-signature/")
    assert response is not None and response.status == 404


@pytest.mark.parametrize(("lang", "viewport"), [("ky", "desktop"), ("ru", "phone")])
def test_the_consultation_form_shows_the_guides_of_the_chosen_service(
    open_page, network, demo_guides, lang, viewport
):
    page = open_page(viewport=viewport)
    sign_in(page, network.users[Role.CENTER].username, lang=lang)
    page.goto(f"/{lang}/staff/helpdesk/")
    details = page.locator("#desk-guides")
    summary = details.locator("summary")
    expect(summary).to_contain_text(f"{t(lang, 'Guides for every service')} (7)")
    summary.click()
    expect(
        details.get_by_role(
            "link", name=demo_guides.title_ky if lang == "ky" else demo_guides.title_ru
        )
    ).to_be_visible()

    service = ServiceCategory.objects.get(code="e-signature")
    page.get_by_label(getattr(service, f"name_{lang}"), exact=True).check()
    expect(summary).to_contain_text(f"{t(lang, 'Guides for this service')} (1)")
    links = details.locator("#desk-guides-list ul a")
    expect(links).to_have_count(1)
    title = getattr(demo_guides, f"title_{lang}")
    link = details.get_by_role("link", name=f"{title} ({t(lang, 'opens in a new tab')})")
    expect(link).to_have_attribute("target", "_blank")
    check_accessibility(page)
    screenshot(page, f"guides-desk-{lang}-{viewport}")

    # The form stays as it was: the guide opens in a new tab.
    with page.context.expect_page() as opened:
        link.click()
    guide_page = opened.value
    guide_page.wait_for_load_state()
    expect(guide_page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.get_by_label(getattr(service, f"name_{lang}"), exact=True)).to_be_checked()

    other = ServiceCategory.objects.get(code="tax")
    page.get_by_label(getattr(other, f"name_{lang}"), exact=True).check()
    expect(summary).to_contain_text(f"{t(lang, 'Guides for this service')} (0)")
    expect(details).to_contain_text(t(lang, "No guide for this service yet."))


@pytest.mark.parametrize(("lang", "viewport"), [("ru", "phone"), ("ky", "desktop")])
def test_the_staff_list_and_form_are_accessible(open_page, network, demo_guides, lang, viewport):
    page = open_page(viewport=viewport)
    sign_in(page, network.users[Role.NATIONAL].username, lang=lang)
    page.goto(f"/{lang}/staff/guides/")
    expect(page.locator(".guide-table tbody tr:not(.group-row)")).to_have_count(7)
    expect(page.locator(".flag")).to_have_count(1)  # the passport guide is due for a check
    check_accessibility(page)
    screenshot(page, f"guides-staff-list-{lang}-{viewport}")
    page.goto(f"/{lang}/staff/guides/cloud-e-signature/edit/")
    check_accessibility(page)
    screenshot(page, f"guides-staff-form-{lang}-{viewport}")
