"""The guides' plain-text format: where steps, lists and paragraphs start."""

from bilim.guides.text import blocks, lines


def _shape(text):
    return [(b.kind, b.items, b.start) for b in blocks(text)]


def test_numbered_lines_become_steps_and_other_lines_paragraphs():
    text = "Кызмат акысыз.\n\n1. Паспортту алыңыз.\n2) Борборго келиңиз.\n\nСуроо болсо, чалыңыз."
    assert _shape(text) == [
        ("paragraph", ["Кызмат акысыз."], 1),
        ("steps", ["Паспортту алыңыз.", "Борборго келиңиз."], 1),
        ("paragraph", ["Суроо болсо, чалыңыз."], 1),
    ]


def test_a_step_typed_on_two_lines_stays_one_step():
    assert _shape("1. Open the portal\nand choose to sign in.\n2. Type the PIN.") == [
        ("steps", ["Open the portal and choose to sign in.", "Type the PIN."], 1)
    ]


def test_steps_keep_their_first_number_and_dashes_make_a_list():
    assert _shape("3. Third\n4. Fourth\n\n- ID card\n• PIN code") == [
        ("steps", ["Third", "Fourth"], 3),
        ("list", ["ID card", "PIN code"], 1),
    ]


def test_windows_line_ends_and_blank_text_are_handled():
    assert _shape("First line\r\nsecond line\r\n\r\nThird") == [
        ("paragraph", ["First line", "second line"], 1),
        ("paragraph", ["Third"], 1),
    ]
    assert blocks("") == []
    assert blocks("  \n \n") == []


def test_a_number_without_a_space_is_not_a_step():
    assert _shape("119 is free.\n2024.11.15") == [("paragraph", ["119 is free.", "2024.11.15"], 1)]


def test_document_lines_lose_bullets_and_blank_lines():
    assert lines("- Паспорт\n\n  ID-карта  \n• PIN-код") == ["Паспорт", "ID-карта", "PIN-код"]
