"""`python -m bench.grants` (`make bench-grants`): 200 calls, 20,000 applications and 60,000
reviews generated in their own database (bulk inserts), then the server time of the
instructeur's pages of a call measured in process (django.test.Client, the whole Django stack):
the application list of a call, the ranking, the dashboard (target: p95 < 100 ms each)."""

import argparse
import json
import os
import platform
import random
import statistics
import time
from decimal import Decimal
from pathlib import Path

from bench.django_setup import setup

CALLS = 200
PER_CALL = 100  # applications per call: 20,000
REVIEWERS_PER_APPLICATION = 3  # 60,000 reviews
EVALUATORS = 300
PROGRAMMES = 10


def generate(*, seed: int = 11, log=print) -> None:
    from django.contrib.auth.models import Group
    from django.db import connection, transaction
    from django.utils import timezone

    from bench import data
    from essaimage.enums import OrganisationKind, Role
    from essaimage.models import Organisation, User, organisation_name_key
    from grants.enums import ApplicationStatus, DecisionOutcome, GrantStatus, MilestoneStatus
    from grants.models import (
        Application, BudgetLine, Call, CallCriterion, Decision, Grant, Milestone, Programme, ReviewAssignment,
        ReviewScore, ReviewSheet, TrancheRelease,
    )
    from innovations.enums import Status
    from innovations.models import Innovation
    from reviewing.criteria import SCALING_CRITERIA
    from reviewing.enums import ConflictAnswer, Opinion, SheetStatus

    rng = random.Random(seed)
    missing = 2000 - Innovation.objects.filter(status=Status.PUBLISHED).count()
    if missing > 0:
        log(f"Génération de {missing} innovations publiées…")
        data.generate(missing, log=lambda line: None)
    innovations = list(Innovation.objects.filter(status=Status.PUBLISHED).values_list("pk", "organisation_id")[:2000])
    now = timezone.now()
    hasher_password = "!"  # unusable password: nobody logs in with these accounts
    with transaction.atomic():
        funder = Organisation.objects.create(name="Agence du banc d’essai", name_key=organisation_name_key(
            "Agence du banc d’essai"), kind=OrganisationKind.OPERATEUR, siret="13002603200016")
        boss = User.objects.create(email="instructeur@bench.essaimage.fr", first_name="Ines", last_name="Tructrice",
                                   password=hasher_password)
        boss.groups.add(Group.objects.get_or_create(name=Role.INSTRUCTEUR)[0],
                        Group.objects.get_or_create(name=Role.AGENT)[0])
        evaluators = User.objects.bulk_create([
            User(email=f"evaluateur{i}@bench.essaimage.fr", first_name="Éva", last_name=f"Luatrice {i}",
                 password=hasher_password) for i in range(EVALUATORS)])
        group = Group.objects.get_or_create(name=Role.EVALUATEUR)[0]
        group.user_set.add(*evaluators)
        programmes = Programme.objects.bulk_create([
            Programme(funder=funder, title=f"Programme {i}", slug=f"bench-programme-{i}",
                      total_envelope=Decimal("100000000")) for i in range(PROGRAMMES)])
        for programme in programmes:
            programme.instructeurs.add(boss)
        calls = Call.objects.bulk_create([
            Call(programme=programmes[i % PROGRAMMES], title=f"Appel d’essaimage {i}", slug=f"bench-appel-{i}",
                 opens_at=now - timezone.timedelta(days=120 + i), closes_at=now - timezone.timedelta(days=30 + i),
                 envelope=Decimal("3000000"), max_amount=Decimal("100000"), reviewers_per_application=3)
            for i in range(CALLS)])
        criteria = CallCriterion.objects.bulk_create([
            CallCriterion(call=call, **criterion.as_fields(order))
            for call in calls for order, criterion in enumerate(SCALING_CRITERIA)])
        by_call = {}
        for criterion in criteria:
            by_call.setdefault(criterion.call_id, []).append(criterion)
        log("Programmes, appels, critères, évaluateurs : fait.")
        statuses = ([ApplicationStatus.IN_REVIEW] * 50 + [ApplicationStatus.ACCEPTED] * 25
                    + [ApplicationStatus.REFUSED] * 20 + [ApplicationStatus.SUBMITTED] * 5)
        applications = []
        number = 0
        for c_index, call in enumerate(calls):
            for i in range(PER_CALL):
                number += 1
                innovation_id, organisation_id = innovations[(c_index * 37 + i) % len(innovations)]
                status = statuses[i]
                submitted = call.closes_at - timezone.timedelta(days=rng.randint(1, 60))
                applications.append(Application(
                    call=call, innovation_id=innovation_id, organisation_id=organisation_id or funder.pk,
                    created_by=boss, reference=f"ESS-2099-{number:06d}", status=status,
                    amount_requested=Decimal(rng.randrange(5000, 60000, 500)), total_budget=Decimal("150000"),
                    summary="Essaimer le dispositif dans trois départements.", submitted_at=submitted,
                    complete_since=submitted,
                    decided_at=submitted + timezone.timedelta(days=rng.randint(20, 90))
                    if status in (ApplicationStatus.ACCEPTED, ApplicationStatus.REFUSED) else None))
        applications = Application.objects.bulk_create(applications, batch_size=5000)
        log(f"{len(applications)} demandes.")
        today = timezone.localdate()
        milestones = Milestone.objects.bulk_create([
            Milestone(application=a, title=f"Jalon {k + 1}", due_date=today + timezone.timedelta(days=90 * (k + 1)),
                      tranche_amount=a.amount_requested / 2, order=k)
            for a in applications for k in range(2)], batch_size=10000)
        BudgetLine.objects.bulk_create([
            BudgetLine(application=a, label=label, planned_amount=Decimal("75000"), order=k)
            for a in applications for k, label in enumerate(("Personnel", "Déplacements"))], batch_size=10000)
        assignments = []
        for a in applications:
            for evaluator in rng.sample(evaluators, REVIEWERS_PER_APPLICATION):
                assignments.append(ReviewAssignment(application=a, evaluator=evaluator, conflict=ConflictAnswer.NONE,
                                                    conflict_declared_at=now, created_at=now))
        assignments = ReviewAssignment.objects.bulk_create(assignments, batch_size=10000)
        opinions = list(Opinion.values)
        sheets = ReviewSheet.objects.bulk_create([
            ReviewSheet(assignment=a, status=SheetStatus.SUBMITTED, submitted_at=now, opinion=rng.choice(opinions),
                        comment="Dossier solide, plan d’essaimage crédible.") for a in assignments],
            batch_size=10000)
        call_of = {a.pk: a.call_id for a in applications}
        application_of = {a.pk: a.application_id for a in assignments}
        log(f"{len(sheets)} fiches d’évaluation envoyées…")
        with connection.cursor() as cursor:
            with cursor.copy(f"COPY {ReviewScore._meta.db_table} (sheet_id, criterion_id, value, comment) "
                             "FROM STDIN") as copy:
                for sheet in sheets:
                    for criterion in by_call[call_of[application_of[sheet.assignment_id]]]:
                        copy.write_row((sheet.pk, criterion.pk, rng.randint(1, 5), ""))
        log(f"{len(sheets) * len(SCALING_CRITERIA)} notes.")
        decisions, grants = [], []
        for a in applications:
            if a.status == ApplicationStatus.ACCEPTED:
                decisions.append(Decision(application=a, outcome=DecisionOutcome.ACCEPTED, amount=a.amount_requested,
                                          decided_by=boss, decided_at=a.decided_at))
                required = a.amount_requested > Decimal("23000")
                grants.append(Grant(application=a, initial_amount=a.amount_requested,
                                    amount_granted=a.amount_requested, convention_required=required,
                                    convention_signed_at=today if required else None, status=GrantStatus.ACTIVE,
                                    started_at=now, financial_report_due=today.replace(year=today.year + 1)))
            elif a.status == ApplicationStatus.REFUSED:
                decisions.append(Decision(application=a, outcome=DecisionOutcome.REFUSED, decided_by=boss,
                                          decided_at=a.decided_at, motivation="Le plan d’essaimage reste à préciser."))
        Decision.objects.bulk_create(decisions, batch_size=5000)
        grants = Grant.objects.bulk_create(grants, batch_size=5000)
        first = {m.application_id: m for m in milestones if m.order == 0}
        released = []
        for grant in grants[::2]:
            milestone = first[grant.application_id]
            milestone.status, milestone.validated_at, milestone.released_at = MilestoneStatus.VALIDATED, now, now
            released.append(milestone)
        Milestone.objects.bulk_update(released, ["status", "validated_at", "released_at"], batch_size=5000)
        TrancheRelease.objects.bulk_create([
            TrancheRelease(grant=grant, milestone=first[grant.application_id],
                           amount=first[grant.application_id].tranche_amount, released_by=boss)
            for grant in grants[::2]], batch_size=5000)
        log(f"{len(decisions)} décisions, {len(grants)} subventions.")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")


def _application_list_url(call_pk: int) -> str:
    """The instructeur's application list of a call (part 1's page)."""
    from django.urls import reverse

    from grants.models import Call

    return reverse("grants:call_applications", kwargs={"slug": Call.objects.values_list("slug", flat=True)
                                                        .get(pk=call_pk)})


def measure(requests: int, *, seed: int = 5, log=print) -> list[dict]:
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from essaimage.models import User
    from grants.models import Call

    settings.DEBUG = False
    connection.force_debug_cursor = True  # the queries' own times (CaptureQueriesContext)
    rng = random.Random(seed)
    call_ids = list(Call.objects.filter(slug__startswith="bench-appel-").values_list("pk", flat=True))
    client = Client()
    client.force_login(User.objects.get(email="instructeur@bench.essaimage.fr"))
    pages = {
        "liste des demandes d’un appel (instruction)": _application_list_url,
        "classement d’un appel": lambda pk: reverse("grants:call_reviews", args=[pk]),
        "tableau de bord d’un appel": lambda pk: reverse("grants:call_dashboard", args=[pk]),
        "export des évaluations (CSV)": lambda pk: reverse("grants:call_export", args=[pk, "evaluations"]),
    }
    results = []
    for name, make_url in pages.items():
        for _ in range(5):  # warm-up
            response = client.get(make_url(rng.choice(call_ids)))
            if getattr(response, "streaming", False):
                b"".join(response.streaming_content)
        timings, cpu, sql, query_counts = [], [], [], set()
        for _ in range(requests):
            url = make_url(rng.choice(call_ids))
            with CaptureQueriesContext(connection) as ctx:
                began, began_cpu = time.perf_counter(), time.process_time()
                response = client.get(url)
                if getattr(response, "streaming", False):
                    b"".join(response.streaming_content)
                elapsed = (time.perf_counter() - began) * 1000
                cpu.append((time.process_time() - began_cpu) * 1000)
            assert response.status_code == 200, (url, response.status_code)
            timings.append(elapsed)
            sql.append(sum(float(query["time"]) for query in ctx.captured_queries) * 1000)
            query_counts.add(len(ctx.captured_queries))
        timings.sort()

        def p95(values):
            values = sorted(values)
            return round(values[max(0, int(0.95 * len(values)) - 1)], 1)

        results.append({"page": name, "requests": requests, "median_ms": round(statistics.median(timings), 1),
                        "p95_ms": p95(timings), "max_ms": round(timings[-1], 1), "python_cpu_p95_ms": p95(cpu),
                        "sql_p95_ms": p95(sql), "queries": sorted(query_counts)})
        log(f"  {name} : médiane {results[-1]['median_ms']} ms, p95 {results[-1]['p95_ms']} ms "
            f"(dont Python {results[-1]['python_cpu_p95_ms']} ms, SQL {results[-1]['sql_p95_ms']} ms au p95), "
            f"max {results[-1]['max_ms']} ms, requêtes SQL {results[-1]['queries']}")
    return results


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=200, help="requêtes mesurées par page (0 : aucune mesure)")
    parser.add_argument("--output", default="bench-results/grants.json")
    args = parser.parse_args(argv)
    setup()
    from django.conf import settings
    from django.db import connection

    from grants.models import Application, ReviewSheet

    name = settings.DATABASES["default"]["NAME"]
    if "bench" not in name:
        raise SystemExit(f"Base « {name} » : le banc d’essai n’écrit que dans une base dont le nom contient "
                         "« bench » (make bench-grants, ou ESSAIMAGE_DB_NAME=essaimage_bench_grants).")
    if not Application.objects.filter(reference__startswith="ESS-2099-").exists():
        began = time.perf_counter()
        generate()
        print(f"Données générées en {time.perf_counter() - began:.0f} s.")
    if not args.requests:
        return
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    applications = Application.objects.count()
    sheets = ReviewSheet.objects.count()
    print(f"Mesure sur {applications} demandes et {sheets} évaluations (PostgreSQL {version}, {os.cpu_count()} "
          f"cœurs, {platform.processor() or platform.machine()}), {args.requests} requêtes par page :")
    results = measure(args.requests)
    path = Path(args.output)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"applications": applications, "reviews": sheets, "postgresql": version,
                                "cpus": os.cpu_count(), "pages": results}, indent=2, ensure_ascii=False))
    print(f"Résultats écrits dans {path}")


if __name__ == "__main__":
    main()
