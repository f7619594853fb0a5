"""The one normal form of an e-mail address, used for the stored address, the log-in lookup,
the throttling keys and every « does this address have an account » question.

Local part: Unicode NFKC then case folding (so « ſ », U+017F, is « s » and full-width letters are
plain letters). Domain: the same, then its IDNA ASCII form (« bücher.de » is stored
« xn--bcher-kva.de »), so a domain typed in Unicode or in punycode is one domain; the mail is sent
to that form, which every SMTP server accepts. Characters PostgreSQL would fold differently
(« ı », U+0131) are kept as they are: the lookup is an exact match on this form, never ``iexact``,
so a look-alike address is simply another address, with its own (unused) counter and no account.
"""

import unicodedata


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())


def _domain(domain: str) -> str:
    folded = _fold(domain).rstrip(".")
    try:
        return folded.encode("idna").decode("ascii")
    except UnicodeError:  # not a valid domain name: the form's validator says so
        return folded


def normalize_email_address(value: str | None) -> str:
    """« Léa.Fontaine@Lille.FR » → « léa.fontaine@lille.fr »; whatever is typed, one form."""
    text = "".join((value or "").split())  # no white space can belong to an address
    local, at, domain = text.rpartition("@")
    if not at:
        return _fold(text)
    return f"{_fold(local)}@{_domain(domain)}"
