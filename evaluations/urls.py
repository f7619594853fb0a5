from evaluations import scoring_urls

app_name = "evaluations"

# The scoring's URLs first (part 2): `<slug>/organisation/jury/` before `<slug>/organisation/<kind>/`.
urlpatterns = [*scoring_urls.urlpatterns]
