from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from essaimage import services
from essaimage.http import client_ip


@receiver(user_login_failed)
def record_login_failure(sender, credentials, request=None, **kwargs):
    email = credentials.get("username") or credentials.get("email") or ""
    services.login_record_failure(email=email, ip_address=client_ip(request))


@receiver(user_logged_in)
def clear_login_failures(sender, request, user, **kwargs):
    services.login_clear_failures(email=user.email)
