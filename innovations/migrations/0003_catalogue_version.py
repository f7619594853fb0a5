from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("innovations", "0002_search")]

    operations = [
        migrations.RunSQL(
            "CREATE SEQUENCE innovations_catalogue_version",
            "DROP SEQUENCE IF EXISTS innovations_catalogue_version",
        )
    ]
