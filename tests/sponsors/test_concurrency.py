"""A sponsor's capacity holds when two requests are accepted at the same instant (real threads,
real connections, PostgreSQL row locks)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from sponsors import services
from sponsors.enums import RequestAction, RequestStatus
from sponsors.models import Sponsorship, SponsorshipRequest
from tests.factories.innovations import InnovationFactory
from tests.factories.sponsors import SponsorProfileFactory, SponsorshipRequestFactory


def accept_at_once(requests, sponsor):
    barrier = threading.Barrier(len(requests))
    outcomes = []

    def act(request):
        try:
            barrier.wait()
            services.request_transition(request=request, action=RequestAction.ACCEPT, by=sponsor.user,
                                        objectives="Deux territoires pilotes")
            outcomes.append("ok")
        except ValidationError as error:
            outcomes.append(error.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=act, args=(request,)) for request in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return sorted(outcomes)


@pytest.mark.django_db(transaction=True)
def test_two_acceptances_at_once_respect_a_capacity_of_one():
    sponsor = SponsorProfileFactory(capacity=1)
    requests = [SponsorshipRequestFactory(sponsor=sponsor, innovation=InnovationFactory()) for _ in range(2)]
    assert accept_at_once(requests, sponsor) == ["full", "ok"]
    assert Sponsorship.objects.filter(sponsor=sponsor).count() == 1
    assert sorted(SponsorshipRequest.objects.values_list("status", flat=True)) == [
        RequestStatus.ACCEPTEE, RequestStatus.EN_ATTENTE]


@pytest.mark.django_db(transaction=True)
def test_four_acceptances_at_once_fill_a_capacity_of_two():
    sponsor = SponsorProfileFactory(capacity=2)
    requests = [SponsorshipRequestFactory(sponsor=sponsor, innovation=InnovationFactory()) for _ in range(4)]
    assert accept_at_once(requests, sponsor) == ["full", "full", "ok", "ok"]
    assert Sponsorship.objects.filter(sponsor=sponsor).count() == 2
