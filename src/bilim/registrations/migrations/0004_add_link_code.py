from django.db import migrations, models

import bilim.registrations.models


def give_link_codes(apps, schema_editor):
    Registration = apps.get_model("registrations", "Registration")
    taken: set[str] = set()
    for registration in Registration.objects.only("pk").iterator():
        code = bilim.registrations.models.new_link_code()
        while code in taken:
            code = bilim.registrations.models.new_link_code()
        taken.add(code)
        Registration.objects.filter(pk=registration.pk).update(link_code=code)


class Migration(migrations.Migration):
    dependencies = [("registrations", "0003_one_time_code")]

    operations = [
        migrations.AddField(
            model_name="registration",
            name="link_code",
            field=models.CharField(max_length=8, null=True, editable=False),
        ),
        migrations.RunPython(give_link_codes, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="registration",
            name="link_code",
            field=models.CharField(
                default=bilim.registrations.models.new_link_code,
                editable=False,
                max_length=8,
                unique=True,
                verbose_name="short link code",
            ),
        ),
    ]
