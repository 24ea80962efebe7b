from django.db import migrations

from bilim.programs.reference import AUDIENCES


def seed(apps, schema_editor):
    Audience = apps.get_model("programs", "Audience")
    for code, ky, ru, en in AUDIENCES:
        Audience.objects.update_or_create(
            code=code, defaults={"name": ky, "name_ky": ky, "name_ru": ru, "name_en": en}
        )


class Migration(migrations.Migration):
    dependencies = [("programs", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
