"""French typography of the text the site shows: no line may break before « : ; ! ? » or inside
« ».

Templates, messages and user texts are written with ordinary spaces (easier to type, to
translate and to search); `FrenchTypographyMiddleware` puts the no-break spaces in every HTML
page, in its text only:

- U+00A0 (no-break space) after « and before », and before « : »;
- U+202F (narrow no-break space, which the Marianne font draws) before « ; ! ? ».

Only an existing space is turned into a no-break one before « : ; ! ? » (« Statut : » but never
« 10:30 », « http:// », « ?page=2 » or « &amp; »); around « » one is added when missing. Tags and
their attributes, comments, and the content of script, style, textarea, pre, code, kbd and samp
elements are left exactly as written, as is the text of an <option> without a value attribute
(its text is the value sent): nothing a form sends back is changed.
"""

import bisect
import re

NBSP = "\u00a0"
NNBSP = "\u202f"
_SPACE = "[ \t\r\n\u00a0\u202f]"  # an ordinary or no-break space, or a line break

# The inside of a tag, quoted attribute values included (they may hold a « > »).
_IN_TAG = r"""[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*"""
_TAG = re.compile(rf"<{_IN_TAG}>")
# Stretches that are not prose, skipped whole (few per page).
_RAW = re.compile(
    r"<!--.*?-->"
    r"|<!\[CDATA\[.*?\]\]>"
    rf"|<(script|style|textarea|pre|code|kbd|samp)\b{_IN_TAG}>.*?</\1\s*>"
    rf"|<option\b(?![^>]*\bvalue\s*=){_IN_TAG}>[^<]*",
    re.DOTALL | re.IGNORECASE,
)
# The characters to space (« : ; ! ? » only after an ordinary space or line break). A plain set
# of characters is the fastest scan; the spaces around a mark are then read by hand.
_MARK = re.compile(r"[«»:;!?]")
_SPACES = frozenset(" \t\r\n\u00a0\u202f")
_PLAIN_SPACES = frozenset(" \t\r\n")
# No-break spaces already written as HTML entities (« «&nbsp;{{ message }}&nbsp;» »).
_NBSP_ENTITIES = ("&nbsp;", "&#160;", "&#xa0;", "&#xA0;", "&#8239;", "&#x202f;", "&#x202F;")


def _edits(text: str, in_text=None):
    """(start, end, replacement) for each place of the text to change, in order."""
    for match in _MARK.finditer(text):
        position = match.start()
        mark = text[position]
        if mark in ":;!?" and (position == 0 or text[position - 1] not in _PLAIN_SPACES):
            continue  # « 10:30 », « http:// », « &amp; », « ?page=2 », or already spaced
        if in_text is not None and not in_text(position):
            continue
        if mark == "«" and text.startswith(_NBSP_ENTITIES, position + 1):
            continue
        if mark in "»:;!?" and text.endswith(_NBSP_ENTITIES, 0, position):
            continue
        if mark == "«":
            end = position + 1
            while end < len(text) and text[end] in _SPACES:
                end += 1
            yield position + 1, end, NBSP
            continue
        start = position
        spaces = _SPACES if mark == "»" else _PLAIN_SPACES
        while start > 0 and text[start - 1] in spaces:
            start -= 1
        yield start, position, NBSP if mark in "»:" else NNBSP


def _apply(text: str, edits) -> str:
    parts = []
    done = 0
    for start, end, replacement in edits:
        if start < done:  # « » with nothing but spaces between them: already spaced
            continue
        parts.append(text[done:start])
        parts.append(replacement)
        done = end
    if not parts:
        return text
    parts.append(text[done:])
    return "".join(parts)


def typeset_text(text: str) -> str:
    """Plain text (not HTML) with its French no-break spaces; e.g. for e-mails."""
    return _apply(text, _edits(text))


def typeset_html(html: str) -> str:
    """The document with French no-break spaces in its text nodes, and nowhere else.

    The places to change are few: each is found first, then kept only if it lies in text, that
    is neither in a raw stretch (script, comment...) nor inside a tag."""
    raw = [match.span() for match in _RAW.finditer(html)]
    raw_starts = [start for start, _ in raw]

    def in_text(position: int) -> bool:
        index = bisect.bisect_right(raw_starts, position) - 1
        if index >= 0 and position < raw[index][1]:
            return False
        opening = html.rfind("<", 0, position)
        if opening == -1:
            return True
        tag = _TAG.match(html, opening)
        return tag is None or tag.end() <= position

    return _apply(html, _edits(html, in_text))


class FrenchTypographyMiddleware:
    """Applies `typeset_html` to every complete text/html response (not streamed, not compressed)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and not response.has_header("Content-Encoding")
            and response.content
        ):
            charset = response.charset
            response.content = typeset_html(response.content.decode(charset)).encode(charset)
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
