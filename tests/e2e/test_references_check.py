"""The check that every page names only ids it has catches what it should, with and without JS."""

import pytest

BROKEN = '<label for="nowhere">Name</label><input aria-describedby="gone-hint" id="here">'


@pytest.mark.parametrize("javascript", [True, False])
def test_a_page_naming_a_missing_id_is_caught_when_it_loads(
    open_page, _no_missing_references, javascript
):
    page = open_page(java_script_enabled=javascript)
    page.set_content(f"<!doctype html><title>t</title>{BROKEN}")
    page.evaluate("1")  # let the load listener run
    found = _no_missing_references.found.pop(page.url)
    assert sorted(found) == [
        'aria-describedby="gone-hint" on <input id="here">',
        'for="nowhere" on <label>',
    ]


def test_a_missing_id_brought_by_an_htmx_swap_is_caught(open_page, network, _no_missing_references):
    page = open_page("/ky/")
    assert not _no_missing_references.report()
    page.evaluate(
        """() => {
            document.body.insertAdjacentHTML('beforeend', '<div aria-controls="no-panel"></div>');
            document.body.dispatchEvent(new Event('htmx:afterSettle', {bubbles: true}));
        }"""
    )
    page.evaluate("1")  # let the page's report arrive
    assert _no_missing_references.found.pop(page.url) == ['aria-controls="no-panel" on <div>']
