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

    # Django's model permissions only serve the admin site, which only staff can open: for
    # everyone else they are empty without asking the database (a site page that asks
    # `has_perm` of an agent costs no permission query).
    def get_user_permissions(self, user_obj, obj=None):
        return super().get_user_permissions(user_obj, obj) if getattr(user_obj, "is_staff", False) else set()

    def get_group_permissions(self, user_obj, obj=None):
        return super().get_group_permissions(user_obj, obj) if getattr(user_obj, "is_staff", False) else set()
