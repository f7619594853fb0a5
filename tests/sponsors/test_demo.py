from django.core.management import call_command

from essaimage.enums import Role
from essaimage.models import User
from sponsors.enums import Outcome, ProfileStatus, RequestStatus, SponsorshipStatus
from sponsors.models import SponsorProfile, Sponsorship, SponsorshipRequest
from sponsors.services import SILENCE_DAYS, remind_silent_sponsors


def test_demo_data_has_every_state(db, settings):
    call_command("load_reference_data", verbosity=0)
    call_command("load_demo_data", verbosity=0)
    demo = User.objects.get(email="parrain@demo.essaimage.fr")
    assert demo.has_role(Role.PARRAIN) and demo.check_password("essaimage-demo")
    assert set(SponsorProfile.objects.values_list("status", flat=True)) == set(ProfileStatus.values)
    assert set(SponsorshipRequest.objects.values_list("status", flat=True)) == set(RequestStatus.values)
    assert set(Sponsorship.objects.values_list("status", flat=True)) == set(SponsorshipStatus.values)
    assert set(Sponsorship.objects.exclude(outcome="").values_list("outcome", flat=True)) == set(Outcome.values)
    regions = set(SponsorProfile.objects.filter(status=ProfileStatus.APPROUVE)
                  .values_list("territories__parent__name", flat=True)) | set(
        SponsorProfile.objects.filter(status=ProfileStatus.APPROUVE, territories__level="region")
        .values_list("territories__name", flat=True))
    assert len(regions - {None}) >= 4
    assert SponsorshipRequest.objects.filter(sponsor__user=demo, status=RequestStatus.EN_ATTENTE).exists()
    assert remind_silent_sponsors() == 1  # the sponsorship silent for more than SILENCE_DAYS
    assert SILENCE_DAYS == 60
    call_command("load_demo_data", verbosity=0)  # twice is once
    assert SponsorProfile.objects.filter(user=demo).count() == 1
