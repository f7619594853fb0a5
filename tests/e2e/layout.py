"""Geometry checks for browser tests: what axe cannot see (a block drawn over the footer, an
action pushed below the first screen, a link covered by another element).

Use them on any page, e.g.:
    assert_nothing_overlaps_footer(page)
    assert_in_first_screen(page, page.get_by_role("link", name="Mettre à jour ma déclaration"))
"""

# Every rendered element inside `container` whose box reaches into the box of `other`
# (positions in page coordinates, so the page's scroll does not matter).
_OVERLAPS_JS = """
([container, other]) => {
  const target = document.querySelector(other);
  if (!target) { return ["no element matches " + other]; }
  const page = (rect) => ({top: rect.top + window.scrollY, bottom: rect.bottom + window.scrollY,
                            left: rect.left + window.scrollX, right: rect.right + window.scrollX});
  const zone = page(target.getBoundingClientRect());
  const found = [];
  document.querySelectorAll(container).forEach((root) => {
    [root, ...root.querySelectorAll("*")].forEach((element) => {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) { return; }
      const style = window.getComputedStyle(element);
      if (style.visibility === "hidden" || style.display === "none") { return; }
      const box = page(rect);
      // One pixel of tolerance for sub-pixel rounding.
      if (box.bottom > zone.top + 1 && box.top < zone.bottom - 1 && box.right > zone.left && box.left < zone.right) {
        const name = element.tagName.toLowerCase() + (element.id ? "#" + element.id : "")
          + (element.className && typeof element.className === "string"
             ? "." + element.className.trim().split(/\\s+/).join(".") : "");
        const text = (element.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 60);
        found.push(`${name} [${Math.round(box.top)}–${Math.round(box.bottom)} px] «${text}»`);
      }
    });
  });
  return found;
}
"""


def elements_overlapping(page, container: str, other: str) -> list[str]:
    """Descriptions of the elements inside `container` (CSS selector) that overlap `other`."""
    return page.evaluate(_OVERLAPS_JS, [container, other])


def assert_nothing_overlaps_footer(page, container: str = "main", footer: str = "footer.fr-footer") -> None:
    overlapping = elements_overlapping(page, container, footer)
    assert not overlapping, (f"{len(overlapping)} element(s) of {container} overlap the footer on {page.url} "
                             f"at {page.viewport_size['width']} px:\n" + "\n".join(overlapping[:15]))


def assert_in_first_screen(page, locator) -> None:
    """The element is visible without scrolling: wholly inside the first viewport."""
    page.evaluate("window.scrollTo(0, 0)")
    box = locator.bounding_box()
    assert box is not None, f"{locator} is not rendered on {page.url}"
    height = page.viewport_size["height"]
    width = page.viewport_size["width"]
    assert box["y"] >= 0 and box["y"] + box["height"] <= height and box["x"] + box["width"] <= width, (
        f"{locator} is at {box} on {page.url}, outside the first screen ({width}×{height} px)")


def assert_receives_clicks(page, locator) -> None:
    """Nothing is drawn over the element: the point at its centre belongs to it."""
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    assert box is not None, f"{locator} is not rendered on {page.url}"
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    owns = locator.evaluate("(el, [x, y]) => { const hit = document.elementFromPoint(x, y); "
                            "return hit !== null && (el === hit || el.contains(hit)); }", [x, y])
    assert owns, f"{locator} is covered by another element at its centre on {page.url}"
