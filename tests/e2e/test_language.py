"""Switching the language in a real browser: the home page's sort choice stays chosen."""

from tests.e2e.conftest import assert_no_exception, screenshot, wait_idle

# The sort radio, found by its label in either language; its checked option's label.
CHECKED = """(label) => {
  const group = [...document.querySelectorAll('[data-testid="stRadio"]')]
    .find((r) => r.innerText.includes(label));
  if (!group) return null;
  return [...group.querySelectorAll('input[type="radio"]')]
    .filter((i) => i.checked).map((i) => i.closest('label').innerText.trim());
}"""


def test_the_sort_choice_stays_selected_after_switching_to_english(start_app, page):
    app = start_app()
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(app.url)
    wait_idle(page)
    page.get_by_text("Urutkan menurut").first.wait_for(timeout=60_000)
    assert page.evaluate(CHECKED, "Urutkan menurut") == ["Jumlah KK"]
    # Choose the share of target, then switch the language.
    page.get_by_text("Persentase target").first.click()
    wait_idle(page)
    assert page.evaluate(CHECKED, "Urutkan menurut") == ["Persentase target"]
    page.locator('[data-testid="stSidebar"]').get_by_text("English").click()
    page.get_by_text("Sort by").first.wait_for(timeout=60_000)
    wait_idle(page)
    screenshot(page, "language-sort-en")
    assert page.evaluate(CHECKED, "Sort by") == ["Share of target"]
    assert_no_exception(page)
