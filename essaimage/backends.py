"""The one way in (site log-in, admin log-in, test client): e-mail and password, throttled.

Every attempt is counted before the password is checked (essaimage.services.login_attempt_allowed),
whichever form sent it, so /admin/login/ is limited exactly like /compte/connexion/."""

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied

from essaimage import services
from essaimage.http import client_ip
from essaimage.models import User


class ThrottledModelBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(User.USERNAME_FIELD)
        if username is None or password is None:
            return None
        ip_address = client_ip(request)
        if not services.login_attempt_allowed(email=username, ip_address=ip_address):
            if request is not None:
                request.login_throttled = True  # the log-in forms say why
            raise PermissionDenied  # no other backend may try: django.contrib.auth stops here
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is not None:
            services.login_attempt_succeeded(email=user.email, ip_address=ip_address)
        return user
