import secrets

from django.db import migrations, models

import bilim.certificates.codes

# Frozen here: the migration must not change if codes.py does.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def fill_short_codes(apps, schema_editor):
    """Give every certificate issued before this migration its own code."""
    Certificate = apps.get_model("certificates", "Certificate")
    taken = set()
    for certificate in Certificate.objects.filter(short_code__isnull=True).only("pk").iterator():
        code = None
        while code is None or code in taken:
            code = "".join(secrets.choice(ALPHABET) for _ in range(10))
        taken.add(code)
        certificate.short_code = code
        certificate.save(update_fields=["short_code"])


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0002_add_issued_by"),
    ]

    operations = [
        migrations.AddField(
            model_name="certificate",
            name="short_code",
            field=models.CharField(editable=False, max_length=10, null=True, verbose_name="code"),
        ),
        migrations.RunPython(fill_short_codes, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="certificate",
            name="short_code",
            field=models.CharField(
                default=bilim.certificates.codes.new_short_code,
                editable=False,
                max_length=10,
                unique=True,
                verbose_name="code",
            ),
        ),
    ]
