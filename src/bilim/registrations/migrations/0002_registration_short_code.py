import secrets

from django.db import migrations, models

import bilim.registrations.models


def give_short_codes(apps, schema_editor):
    Registration = apps.get_model("registrations", "Registration")
    taken: set[str] = set()
    for registration in Registration.objects.only("pk").iterator():
        code = f"{secrets.randbelow(10**8):08d}"
        while code in taken:
            code = f"{secrets.randbelow(10**8):08d}"
        taken.add(code)
        Registration.objects.filter(pk=registration.pk).update(short_code=code)


class Migration(migrations.Migration):
    dependencies = [("registrations", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="registration",
            name="short_code",
            field=models.CharField(max_length=8, null=True, editable=False),
        ),
        migrations.RunPython(give_short_codes, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="registration",
            name="short_code",
            field=models.CharField(
                default=bilim.registrations.models.new_short_code,
                editable=False,
                max_length=8,
                unique=True,
                verbose_name="check-in code",
            ),
        ),
    ]
