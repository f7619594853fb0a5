"""Within one GET (or HEAD) request, a version is read once: the catalogue version, a cache
generation, a cached block two hooks share (the home page's figures and sections). A page that
only reads does not change the data, so what it read at the start stays true until it ends; a
request that writes (POST…) memoises nothing and reads afresh each time; a version moved on
during a GET (a page that catches up with dates) is forgotten once the write commits."""

from contextvars import ContextVar

_memo: ContextVar[dict | None] = ContextVar("essaimage_request_memo", default=None)
SAFE_METHODS = ("GET", "HEAD")


class RequestMemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in SAFE_METHODS:
            return self.get_response(request)
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)


def forget(key) -> None:
    """A write moved this version on (a GET that catches up with dates may write): read it again."""
    memo = _memo.get()
    if memo is not None:
        memo.pop(key, None)


def remembered(key, compute):
    """compute()'s value, computed once per safe request (every time outside one)."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]
