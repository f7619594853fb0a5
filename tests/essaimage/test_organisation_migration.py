"""The migration that makes organisations unique merges the duplicates already there (the demo
data had some) without losing a member, an innovation, a declaration or a SIRET."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("essaimage", "0002_rate_counter")]
AFTER = [("essaimage", "0003_organisation_unique_name_dates_bounds")]


@pytest.mark.django_db(transaction=True)
def test_duplicates_are_merged_into_the_oldest_with_everything_pointing_at_it():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    Organisation = apps.get_model("essaimage", "Organisation")
    User = apps.get_model("essaimage", "User")
    oldest = Organisation.objects.create(name="Mairie de Saint-Étienne", kind="collectivite")
    twin = Organisation.objects.create(name="MAIRIE DE SAINT ETIENNE ", kind="collectivite", siret="21420218600018")
    other_kind = Organisation.objects.create(name="Mairie de Saint-Étienne", kind="association")
    member = User.objects.create(email="membre@exemple.gouv.fr", first_name="A", last_name="B", organisation=twin)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    apps = executor.loader.project_state(AFTER).apps
    Organisation = apps.get_model("essaimage", "Organisation")
    User = apps.get_model("essaimage", "User")
    assert sorted(Organisation.objects.values_list("pk", flat=True)) == sorted([oldest.pk, other_kind.pk])
    kept = Organisation.objects.get(pk=oldest.pk)
    assert kept.siret == "21420218600018" and kept.name_key == "mairie de saint etienne"
    assert User.objects.get(pk=member.pk).organisation_id == oldest.pk

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
