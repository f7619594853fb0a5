"""Reading pages in tests. Pages get French no-break spaces (essaimage.typography) before
« : ; ! ? » and inside « »; assertions on wording read them as plain spaces."""

NO_BREAK_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})


def plain(text: str) -> str:
    """The text with its no-break spaces (U+00A0, U+202F) read as plain spaces."""
    return text.translate(NO_BREAK_SPACES)


def page_text(response) -> str:
    """The decoded HTML of a response, no-break spaces read as plain spaces."""
    return plain(response.content.decode())
