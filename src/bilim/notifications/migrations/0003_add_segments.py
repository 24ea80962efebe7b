from django.db import migrations, models

from bilim.notifications.sms import segments


def count_segments(apps, schema_editor):
    Message = apps.get_model("notifications", "Message")
    batch = []
    for message in Message.objects.filter(channel="sms").only("pk", "body").iterator(2000):
        message.segments = segments(message.body)
        batch.append(message)
        if len(batch) == 2000:
            Message.objects.bulk_update(batch, ["segments"])
            batch = []
    Message.objects.bulk_update(batch, ["segments"])


class Migration(migrations.Migration):
    dependencies = [("notifications", "0002_add_qr_payload")]

    operations = [
        migrations.AddField(
            model_name="message",
            name="segments",
            field=models.PositiveSmallIntegerField(
                blank=True, null=True, verbose_name="SMS parts"
            ),
        ),
        migrations.RunPython(count_segments, migrations.RunPython.noop),
    ]
