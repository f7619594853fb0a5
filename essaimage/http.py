def client_ip(request) -> str | None:
    """The client's address as seen by this server (REMOTE_ADDR; set it right in the proxy)."""
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None
