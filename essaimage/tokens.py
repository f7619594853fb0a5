"""The link that confirms a sign-up: signed, valid PASSWORD_RESET_TIMEOUT seconds, and dead as
soon as the account is confirmed or the pending sign-up is replaced (its password changes)."""

from django.contrib.auth.tokens import PasswordResetTokenGenerator


class SignupTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "essaimage.tokens.SignupTokenGenerator"

    def _make_hash_value(self, user, timestamp):
        return f"{user.pk}{user.password}{user.email}{user.is_active}{user.email_confirmed_at}{timestamp}"


signup_token_generator = SignupTokenGenerator()
