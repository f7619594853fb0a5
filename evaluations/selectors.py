"""Reads of prize campaigns (part 1), each page with a bounded number of queries."""

from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q

from evaluations.enums import AwardKind, CampaignPhase, EntryStatus
from evaluations.models import Award, Campaign, Category, Criterion, Entry, Question, Vote
from innovations.enums import Status
from innovations.models import Innovation

PAGE_SIZE = 20


def visible_campaigns(user):
    """Campaigns `user` may see: the published ones and those they organise (rules: view_campaign)."""
    public = Q(phase__in=[phase for phase in CampaignPhase if phase.is_public])
    if user.is_authenticated:
        public |= Q(organisers=user)
    return Campaign.objects.filter(public).distinct()


def campaign_list(*, user, page_number=1) -> dict:
    """The public list (newest first) with each campaign's categories; the organiser's own drafts apart."""
    campaigns = (Campaign.objects.exclude(phase=CampaignPhase.DRAFT)
                 .prefetch_related(Prefetch("categories", queryset=Category.objects.only("pk", "name", "campaign_id")))
                 .annotate(entry_count=Count("entries", filter=Q(entries__status__in=[
                     EntryStatus.SUBMITTED, EntryStatus.ELIGIBLE, EntryStatus.INELIGIBLE]), distinct=True))
                 .order_by("-candidatures_start", "-pk"))
    page = Paginator(campaigns, PAGE_SIZE).get_page(page_number)
    drafts = []
    if user.is_authenticated and user.has_perm("evaluations.add_campaign"):
        drafts = list(Campaign.objects.filter(organisers=user, phase=CampaignPhase.DRAFT).order_by("-created_at"))
    return {"page": page, "drafts": drafts}


def campaign_page(campaign: Campaign) -> dict:
    """What the public page shows besides the campaign: categories, criteria, questions, territories."""
    return {
        "categories": list(campaign.categories.all()),
        "criteria": list(campaign.criteria.all()),
        "questions": list(campaign.questions.all()),
        "territories": list(campaign.eligible_territories.order_by("level", "name")),
    }


def enterable_innovations(user, campaign: Campaign):
    """The user's team's published innovations not already entered in this campaign."""
    return (Innovation.objects.filter(members__user=user, status=Status.PUBLISHED)
            .exclude(campaign_entries__campaign=campaign)
            .select_related("organisation", "territory").order_by("title"))


def my_entries(user):
    return (Entry.objects.filter(innovation__members__user=user)
            .select_related("campaign", "category", "innovation").order_by("-created_at"))


def campaign_entries(campaign: Campaign, *, status: str | None = None, page_number=1):
    """The organiser's list of entries (not the drafts: teams may still be writing them)."""
    entries = (campaign.entries.exclude(status=EntryStatus.DRAFT)
               .select_related("category", "innovation", "organisation").order_by("category__order", "pk"))
    if status:
        entries = entries.filter(status=status)
    return Paginator(entries, PAGE_SIZE).get_page(page_number)


def entry_for_page(queryset=None):
    return (queryset if queryset is not None else Entry.objects).select_related(
        "campaign", "category", "innovation", "innovation__organisation", "innovation__territory", "organisation",
        "ruled_by")


def entry_answers(entry: Entry) -> list[tuple[Question, str]]:
    """(question, answer text) for each question of the campaign, in order."""
    answers = {a.question_id: a.text for a in entry.answers.all()}
    return [(question, answers.get(question.pk, "")) for question in entry.campaign.questions.all()]


def vote_page(campaign: Campaign, user) -> dict:
    """Each category with its competing entries (innovation titles), and the category the user voted in."""
    entries = (Entry.objects.filter(campaign=campaign, status=EntryStatus.ELIGIBLE)
               .select_related("innovation").prefetch_related("innovation__members").order_by("innovation__title"))
    categories = list(campaign.categories.prefetch_related(Prefetch("entries", queryset=entries, to_attr="competing")))
    for category in categories:  # one's own team's entries are shown, not offered (innovations.rules.team_ids)
        for entry in category.competing:
            entry.own = user.is_authenticated and user.has_perm("innovations.team_innovation", entry.innovation)
    voted = {}
    if user.is_authenticated:
        voted = dict(Vote.objects.filter(campaign=campaign, voter=user).values_list("category_id", "entry_id"))
    return {"categories": categories, "voted": voted}


def results(campaign: Campaign) -> list[dict]:
    """Per category: its jury prizes (rank order, with the entry and innovation), the public prize
    and the vote counts of the competing entries (most votes first)."""
    awards = Award.objects.select_related("entry__innovation", "entry__innovation__organisation").order_by(
        "kind", "rank", "pk")
    categories = campaign.categories.prefetch_related(Prefetch("awards", queryset=awards, to_attr="award_list"))
    votes = {}
    if campaign.public_prize:
        counts = (Vote.objects.filter(campaign=campaign).values("category_id", "entry_id",
                                                                 "entry__innovation__title", "entry__innovation__slug")
                  .annotate(n=Count("pk")).order_by("category_id", "-n", "entry__innovation__title"))
        for row in counts:
            votes.setdefault(row["category_id"], []).append(row)
    return [{"category": category,
             "jury": [a for a in category.award_list if a.kind == AwardKind.JURY],
             "public": [a for a in category.award_list if a.kind == AwardKind.PUBLIC],
             "votes": votes.get(category.pk, [])}
            for category in categories]


def awards_page(campaign: Campaign) -> list[dict]:
    """The organiser's page of prizes: per category, its eligible entries and their recorded prize."""
    entries = (Entry.objects.filter(status=EntryStatus.ELIGIBLE).select_related("innovation")
               .prefetch_related(Prefetch("awards", queryset=Award.objects.filter(kind=AwardKind.JURY),
                                          to_attr="jury_awards"))
               .order_by("innovation__title"))
    categories = campaign.categories.prefetch_related(Prefetch("entries", queryset=entries, to_attr="competing"))
    return [{"category": category, "entries": [(entry, entry.jury_awards[0] if entry.jury_awards else None)
                                               for entry in category.competing]}
            for category in categories]


def innovation_awards(innovation: Innovation) -> list[Award]:
    """The prizes of this innovation in campaigns whose results are published (its badges)."""
    return list(Award.objects.filter(entry__innovation=innovation, category__campaign__phase=CampaignPhase.RESULTS)
                .select_related("category__campaign").order_by("-category__campaign__results_published_at", "kind"))


def awarded_innovation_ids() -> set[int]:
    """Innovations with a prize in a campaign whose results are published (the catalogue's « primée »)."""
    return set(Award.objects.filter(category__campaign__phase=CampaignPhase.RESULTS)
               .values_list("entry__innovation_id", flat=True).distinct())


def criteria_with_shares(campaign: Campaign) -> list[tuple[Criterion, object]]:
    from reviewing.criteria import weight_shares

    criteria = list(campaign.criteria.all())
    return list(zip(criteria, weight_shares(criteria), strict=True))


def organised_campaigns(user) -> list[Campaign]:
    return list(Campaign.objects.filter(organisers=user).order_by("-created_at")[:10])
