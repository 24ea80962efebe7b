import re

from django.db import migrations, models

NUMBER = re.compile(r"KG-(\d{4})-(\d+)")


def continue_after_printed_numbers(apps, schema_editor):
    """Start each year's count after the highest number already printed in that year."""
    Certificate = apps.get_model("certificates", "Certificate")
    NumberSequence = apps.get_model("certificates", "NumberSequence")
    last: dict[int, int] = {}
    for number in Certificate.objects.values_list("number", flat=True).iterator():
        match = NUMBER.fullmatch(number)
        if match:
            year, row = int(match[1]), int(match[2])
            last[year] = max(last.get(year, 0), row)
    NumberSequence.objects.bulk_create(
        [NumberSequence(year=year, last=row) for year, row in sorted(last.items())]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0003_add_short_code"),
    ]

    operations = [
        migrations.CreateModel(
            name="NumberSequence",
            fields=[
                (
                    "year",
                    models.PositiveSmallIntegerField(
                        primary_key=True, serialize=False, verbose_name="year"
                    ),
                ),
                ("last", models.PositiveIntegerField(default=0, verbose_name="last number")),
            ],
            options={
                "verbose_name": "certificate number sequence",
                "verbose_name_plural": "certificate number sequences",
            },
        ),
        migrations.RunPython(continue_after_printed_numbers, migrations.RunPython.noop),
    ]
