"""A demo page of the reviewing forms, for the browser tests only (the app has no URL): the
site's URLs plus /essai-evaluation/fiche/ and /essai-evaluation/conflit/. Use with
`@pytest.mark.urls("tests.reviewing.demo")`."""

from decimal import Decimal
from types import SimpleNamespace

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect
from django.template import engines
from django.urls import path

from essaimage.urls import urlpatterns as site_urlpatterns
from reviewing.criteria import SCALING_CRITERIA
from reviewing.forms import ConflictForm, ScoreSheetForm

GRID = [SimpleNamespace(pk=index + 1, label=str(c.label), description=str(c.description), weight=c.weight,
                        scale_max=c.scale_max) for index, c in enumerate(SCALING_CRITERIA)]
GRID.append(SimpleNamespace(pk=99, label="Qualité du dossier", description="", weight=Decimal("1.5"), scale_max=10))

PAGE = """{% extends "base.html" %}{% load i18n %}
{% block title %}{{ title }}{% endblock %}
{% block content %}
<div class="fr-grid-row fr-grid-row--center"><div class="fr-col-12 fr-col-lg-9">
  <h1>{{ title }}</h1>
  <form method="post" novalidate>{% csrf_token %}{% include template with form=form %}</form>
</div></div>
{% endblock %}"""


def render(request, title, template, form):
    page = engines["django"].from_string(PAGE)
    from django.http import HttpResponse

    return HttpResponse(page.render({"title": title, "template": template, "form": form}, request))


@login_not_required
def sheet(request):
    form = ScoreSheetForm(GRID, request.POST or None, with_opinion=True)
    if request.method == "POST" and form.is_valid():
        messages.success(request, "Fiche envoyée." if form.is_final else "Brouillon enregistré.")
        return redirect(request.path)
    return render(request, "Fiche d’évaluation", "reviewing/score_sheet_fields.html", form)


@login_not_required
def conflict(request):
    form = ConflictForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        messages.success(request, "Réponse enregistrée.")
        return redirect(request.path)
    return render(request, "Conflit d’intérêts", "reviewing/conflict_fields.html", form)


urlpatterns = [
    path("essai-evaluation/fiche/", sheet, name="reviewing_demo_sheet"),
    path("essai-evaluation/conflit/", conflict, name="reviewing_demo_conflict"),
    *site_urlpatterns,
]
