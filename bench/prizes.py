"""`python -m bench.prizes`: a national-size prize campaign in the evaluations tables, end to end:
2,000 eligible entries (2,000 teams of 400 organisations), peer assignment k = 5 and jury
assignment (60 jurors, 5 per entry) through `evaluations.scoring_services`, 5 criteria, every
sheet sent (≈ 20,000 sheets, 100,000 scores), then the deliberation ranking
(`scoring_selectors.campaign_ranking`: one SQL query for the ranking). Everything is written in one
transaction rolled back at the end: the database is left as it was (any database will do:
DATABASE_URL). Options: --entries, --peers-k, --jurors, --jurors-k, --repeat."""

import argparse
import statistics
import time
from datetime import timedelta

from bench.django_setup import setup


class Rollback(Exception):
    pass


def build(entries: int, jurors: int, peers_k: int, jurors_k: int):
    from django.utils import timezone

    from essaimage.enums import OrganisationKind
    from essaimage.models import Organisation, User
    from evaluations.enums import CampaignPhase, EntryStatus
    from evaluations.models import Campaign, Category, Criterion, Entry
    from innovations.enums import Stage, Status, TeamRole
    from innovations.models import Innovation, TeamMember
    from reviewing.criteria import SCALING_CRITERIA

    now = timezone.now()
    stamp = int(now.timestamp())
    organisations = Organisation.objects.bulk_create([
        Organisation(name=f"Banc d’essai {stamp} organisation {n}", name_key=f"banc {stamp} org {n}",
                     kind=OrganisationKind.COLLECTIVITE) for n in range(max(2, entries // 5))])
    people = User.objects.bulk_create([
        User(email=f"banc{stamp}.{n}@exemple.gouv.fr", first_name="Agent", last_name=f"N{n}",
             organisation=organisations[n % len(organisations)]) for n in range(entries + jurors + 1)])
    organiser, team_users, juror_users = people[0], people[1:entries + 1], people[entries + 1:]
    innovations = Innovation.objects.bulk_create([
        Innovation(slug=f"banc-{stamp}-{n}", title=f"Innovation du banc d’essai {n}", status=Status.PUBLISHED,
                   stage=Stage.EPROUVEE, organisation=user.organisation, created_by=user, published_at=now)
        for n, user in enumerate(team_users)])
    TeamMember.objects.bulk_create([TeamMember(innovation=innovation, user=user, role=TeamRole.OWNER)
                                    for innovation, user in zip(innovations, team_users, strict=True)])
    day = timedelta(days=1)
    campaign = Campaign.objects.create(
        title=f"Banc d’essai {stamp}", slug=f"banc-essai-{stamp}", phase=CampaignPhase.PEER_REVIEW,
        candidatures_start=now - 10 * day, peer_review_start=now - day, jury_start=now + 10 * day,
        deliberation_start=now + 20 * day, results_start=now + 30 * day, peers_per_entry=peers_k,
        jurors_per_entry=jurors_k, anonymised=True, normalise=True, created_by=organiser)
    campaign.organisers.add(organiser)
    campaign.jurors.add(*juror_users)
    category = Category.objects.create(campaign=campaign, name="Toutes les innovations")
    Criterion.objects.bulk_create([Criterion(campaign=campaign, **default.as_fields(order))
                                   for order, default in enumerate(SCALING_CRITERIA)])
    Entry.objects.bulk_create([
        Entry(campaign=campaign, category=category, innovation=innovation, organisation=innovation.organisation,
              status=EntryStatus.ELIGIBLE, created_by=innovation.created_by, submitted_at=now)
        for innovation in innovations])
    return campaign


FILL = """
INSERT INTO {score} (sheet_id, criterion_id, value, comment)
SELECT sh.id, c.id,
       LEAST(c.scale_max, GREATEST(0, round((a.entry_id * 37 %% 100) / 20.0
                                          + (a.evaluator_id %% 5 - 2) / 2.0 + random() - 0.5)))::int, ''
FROM {sheet} sh JOIN {assignment} a ON a.id = sh.assignment_id JOIN {criterion} c ON c.campaign_id = a.campaign_id
WHERE a.campaign_id = %s;
UPDATE {sheet} sh SET status = 'submitted', submitted_at = now()
FROM {assignment} a WHERE a.id = sh.assignment_id AND a.campaign_id = %s;
UPDATE {assignment} SET conflict = 'none', conflict_declared_at = now() WHERE campaign_id = %s;
"""


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--peers-k", type=int, default=5)
    parser.add_argument("--jurors", type=int, default=60)
    parser.add_argument("--jurors-k", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    setup()
    from django.db import connection, transaction

    from evaluations import scoring_selectors, scoring_services
    from evaluations.enums import CampaignPhase
    from evaluations.models import Assignment, Criterion, Score, ScoreSheet
    from notifications.services import muted

    figures = {}
    try:
        with transaction.atomic(), muted():
            started = time.perf_counter()
            campaign = build(args.entries, args.jurors, args.peers_k, args.jurors_k)
            print(f"Données : {args.entries} candidatures, {args.jurors} jurés ({time.perf_counter() - started:.1f} s)")

            started = time.perf_counter()
            report = scoring_services.peer_assignments_create(campaign)
            figures["peers"] = time.perf_counter() - started
            print(f"Attribution des pairs : {report.created} attributions (k = {args.peers_k}) en "
                  f"{figures['peers']:.2f} s, candidatures incomplètes : {len(report.short)}")

            campaign.phase = CampaignPhase.JURY
            campaign.save(update_fields=["phase"])
            started = time.perf_counter()
            report = scoring_services.jury_assignments_create(campaign)
            figures["jury"] = time.perf_counter() - started
            loads = report.loads.values()
            print(f"Attribution du jury : {report.created} attributions (k = {args.jurors_k}, charges "
                  f"{min(loads)}–{max(loads)}) en {figures['jury']:.2f} s")

            tables = {"score": Score._meta.db_table, "sheet": ScoreSheet._meta.db_table,
                      "assignment": Assignment._meta.db_table, "criterion": Criterion._meta.db_table}
            with connection.cursor() as cursor:
                cursor.execute("SELECT setseed(0.42)")
                cursor.execute(FILL.format(**tables), [campaign.pk] * 3)
                cursor.execute(f"ANALYZE {tables['score']}; ANALYZE {tables['sheet']}; "
                               f"ANALYZE {tables['assignment']}")
            campaign.phase = CampaignPhase.DELIBERATION
            campaign.save(update_fields=["phase"])
            sheets = ScoreSheet.objects.filter(assignment__campaign=campaign).count()
            scores = Score.objects.filter(sheet__assignment__campaign=campaign).count()
            print(f"Fiches envoyées : {sheets}, notes : {scores}")

            for normalise in (False, True):
                campaign.normalise = normalise
                times = []
                for _ in range(args.repeat):
                    started = time.perf_counter()
                    sql, params = scoring_selectors.scores_sql(campaign)
                    from reviewing.aggregation import ranking

                    items = ranking(sql, params, normalise=normalise,
                                    panel_weights=scoring_selectors.panel_weights(campaign))
                    times.append(time.perf_counter() - started)
                key = "ranking_normalised" if normalise else "ranking"
                figures[key] = statistics.median(times)
                print(f"Classement ({'normalisé' if normalise else 'brut'}, une requête) : {len(items)} "
                      f"candidatures, médiane {figures[key]:.3f} s sur {args.repeat} mesures")
            times = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                (category,) = scoring_selectors.campaign_ranking(campaign)
                times.append(time.perf_counter() - started)
            figures["deliberation"] = statistics.median(times)
            print(f"Page de délibération (classement normalisé + médianes brutes + comptes) : "
                  f"médiane {figures['deliberation']:.3f} s")
            raise Rollback
    except Rollback:
        pass
    ok = figures["peers"] < 5 and figures["ranking"] < 1 and figures["ranking_normalised"] < 1
    print("Objectifs (attribution < 5 s, classement < 1 s) :", "atteints" if ok else "NON atteints")


if __name__ == "__main__":
    main()
