from django.db import migrations

from bilim.helpdesk.reference import CATEGORIES


def seed(apps, schema_editor):
    ServiceCategory = apps.get_model("helpdesk", "ServiceCategory")
    for position, (code, ky, ru, en) in enumerate(CATEGORIES, start=1):
        ServiceCategory.objects.update_or_create(
            code=code,
            defaults={
                "name": ky,
                "name_ky": ky,
                "name_ru": ru,
                "name_en": en,
                "position": position * 10,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("helpdesk", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
