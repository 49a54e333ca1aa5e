"""The notice engine's models now belong to certificates (its 0007 renamed their tables): the registry forgets
them here, without touching the database."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('registry', '0009_radiation_license_transcribed_from_paper'),
        ('certificates', '0007_notices_from_registry'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name='historicalnoticestage', name='history_user'),
                migrations.RemoveField(model_name='notice', name='acknowledged_by'),
                migrations.RemoveField(model_name='notice', name='digest'),
                migrations.RemoveField(model_name='notice', name='organization'),
                migrations.RemoveField(model_name='notice', name='subject_type'),
                migrations.RemoveField(model_name='noticedigest', name='organization'),
                migrations.DeleteModel(name='NoticeStage'),
                migrations.DeleteModel(name='HistoricalNoticeStage'),
                migrations.DeleteModel(name='Notice'),
                migrations.DeleteModel(name='NoticeDigest'),
            ],
            database_operations=[],
        ),
    ]
