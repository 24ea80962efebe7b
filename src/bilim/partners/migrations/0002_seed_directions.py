from django.db import migrations

from bilim.partners.reference import DIRECTIONS


def seed(apps, schema_editor):
    Direction = apps.get_model("partners", "Direction")
    for position, (code, names, descriptions) in enumerate(DIRECTIONS):
        Direction.objects.update_or_create(
            code=code,
            defaults={
                "position": position,
                "name": names[0],
                "name_ky": names[0],
                "name_ru": names[1],
                "name_en": names[2],
                "description": descriptions[0],
                "description_ky": descriptions[0],
                "description_ru": descriptions[1],
                "description_en": descriptions[2],
            },
        )


class Migration(migrations.Migration):
    dependencies = [("partners", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
