import ipaddress

from django.conf import settings


def _valid_ip(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT reverse proxies the
    address the outermost trusted proxy saw, read from the right end of X-Forwarded-For (each
    proxy appends the address it received the request from; whatever the client wrote in the
    header stays on the left and is ignored)."""
    if request is None:
        return None
    remote = _valid_ip(request.META.get("REMOTE_ADDR") or "")
    trusted = settings.TRUSTED_PROXY_COUNT
    if trusted <= 0:
        return remote
    hops = [hop for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if len(hops) < trusted:  # did not come through every proxy: keep what the socket says
        return remote
    return _valid_ip(hops[-trusted]) or remote
