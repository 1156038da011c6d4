import pytest

from bot.paging import PageOutOfRange, page_count, page_of


@pytest.mark.parametrize(
    ("total", "size", "pages"), [(0, 10, 1), (1, 10, 1), (10, 10, 1), (11, 10, 2), (120, 10, 12)]
)
def test_page_count(total, size, pages):
    assert page_count(total, size) == pages


def test_pages_cover_every_item_once_in_order():
    items = list(range(25))
    pages = [page_of(items, number, 10) for number in range(3)]
    assert [list(page.items) for page in pages] == [items[:10], items[10:20], items[20:]]
    assert [(p.has_previous, p.has_next) for p in pages] == [
        (False, True),
        (True, True),
        (True, False),
    ]
    assert {page.count for page in pages} == {3}


def test_an_empty_list_has_one_empty_page():
    page = page_of([], 0, 10)
    assert page.items == () and not page.has_previous and not page.has_next


@pytest.mark.parametrize("number", [-1, 3, 10_000])
def test_pages_outside_the_list_raise(number):
    with pytest.raises(PageOutOfRange):
        page_of(list(range(25)), number, 10)


def test_a_page_holds_at_least_one_item():
    with pytest.raises(ValueError):
        page_count(5, 0)
