"""French, accent-insensitive full-text search kept current by a trigger on every write."""

from django.db import migrations

CREATE = """
CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
ALTER TEXT SEARCH CONFIGURATION french_unaccent
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;

CREATE FUNCTION innovations_innovation_search_trigger() RETURNS trigger AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('french_unaccent', coalesce(NEW.title, '')), 'A')
        || setweight(to_tsvector('french_unaccent',
               coalesce(NEW.summary, '') || ' ' || coalesce(NEW.search_extra, '')), 'B')
        || setweight(to_tsvector('french_unaccent',
               coalesce(NEW.problem, '') || ' ' || coalesce(NEW.solution, '') || ' '
               || coalesce(NEW.public_concerned, '')), 'C')
        || setweight(to_tsvector('french_unaccent',
               coalesce(NEW.results, '') || ' ' || coalesce(NEW.evidence, '')), 'D');
    NEW.title_search := lower(unaccent(coalesce(NEW.title, '')));
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER innovations_innovation_search
    BEFORE INSERT OR UPDATE OF title, summary, search_extra, problem, solution, public_concerned,
        results, evidence
    ON innovations_innovation
    FOR EACH ROW EXECUTE FUNCTION innovations_innovation_search_trigger();
"""

DROP = """
DROP TRIGGER IF EXISTS innovations_innovation_search ON innovations_innovation;
DROP FUNCTION IF EXISTS innovations_innovation_search_trigger();
DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent;
"""


class Migration(migrations.Migration):
    dependencies = [("innovations", "0001_initial"), ("essaimage", "0001_initial")]

    operations = [migrations.RunSQL(CREATE, DROP)]
