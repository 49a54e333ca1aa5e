"""The notice engine's tables move from the registry app to certificates (issue 8, point 2), with their data.

The state moves (SeparateDatabaseAndState: created here as they are, registry's 0010 forgets them); then the
tables and the two indexes Django had named after the registry take certificates' names (a rename, no copy);
the content types move too, so that a document whose subject is a digest, and every notice's history row,
still find their model. The stage anchor "renewal_deadline" is the engine's generic "action_deadline" now.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

import certificates.notices.sources

MODELS = ("noticestage", "historicalnoticestage", "noticedigest", "notice")


def _move_content_types(apps, schema_editor, source: str, target: str) -> None:
    content_types = apps.get_model("contenttypes", "ContentType").objects.using(schema_editor.connection.alias)
    taken = set(content_types.filter(app_label=target, model__in=MODELS).values_list("model", flat=True))
    content_types.filter(app_label=source, model__in=set(MODELS) - taken).update(app_label=target)


def content_types_forwards(apps, schema_editor):
    _move_content_types(apps, schema_editor, "registry", "certificates")


def content_types_backwards(apps, schema_editor):
    _move_content_types(apps, schema_editor, "certificates", "registry")


def _rename_anchor(apps, schema_editor, old: str, new: str) -> None:
    for name in ("NoticeStage", "HistoricalNoticeStage"):
        model = apps.get_model("certificates", name)
        model.objects.using(schema_editor.connection.alias).filter(anchor=old).update(anchor=new)


def anchor_forwards(apps, schema_editor):
    _rename_anchor(apps, schema_editor, "renewal_deadline", "action_deadline")


def anchor_backwards(apps, schema_editor):
    _rename_anchor(apps, schema_editor, "action_deadline", "renewal_deadline")


class Migration(migrations.Migration):

    dependencies = [
        ('certificates', '0006_kinds_registered_by_apps'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('registry', '0009_radiation_license_transcribed_from_paper'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            # In the order Django registers these models (NoticeStage's history right before it): the content
            # types created after a test flush then keep the ids that long-lived test workers have cached.
            state_operations=[
                migrations.CreateModel(
                    name='HistoricalNoticeStage',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('kind', models.CharField(choices=certificates.notices.sources.notice_kind_choices, max_length=32)),
                        ('code', models.SlugField(max_length=32)),
                        ('anchor', models.CharField(choices=[('due_date', 'The due date (valid until)'), ('action_deadline', 'The last day to act (file a renewal)')], max_length=24)),
                        ('offset_days', models.SmallIntegerField()),
                        ('label', models.CharField(max_length=255)),
                        ('legal_basis', models.CharField(max_length=255)),
                        ('active', models.BooleanField(default=True)),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'registry_historicalnoticestage',
                        'verbose_name': 'historical notice stage',
                        'verbose_name_plural': 'historical notice stages',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='NoticeStage',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=certificates.notices.sources.notice_kind_choices, max_length=32)),
                        ('code', models.SlugField(max_length=32)),
                        ('anchor', models.CharField(choices=[('due_date', 'The due date (valid until)'), ('action_deadline', 'The last day to act (file a renewal)')], max_length=24)),
                        ('offset_days', models.SmallIntegerField()),
                        ('label', models.CharField(max_length=255)),
                        ('legal_basis', models.CharField(max_length=255)),
                        ('active', models.BooleanField(default=True)),
                    ],
                    options={
                        'db_table': 'registry_noticestage',
                        'ordering': ['kind', 'anchor', 'offset_days'],
                        'constraints': [models.UniqueConstraint(fields=('kind', 'code'), name='notice_stage_unique')],
                    },
                ),
                migrations.CreateModel(
                    name='NoticeDigest',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('digest_date', models.DateField()),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('emailed_at', models.DateTimeField(blank=True, null=True)),
                        ('email_claimed_at', models.DateTimeField(blank=True, null=True)),
                        ('email_claim', models.CharField(blank=True, max_length=64)),
                        ('recipients', models.JSONField(blank=True, default=list)),
                        ('organization', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='notice_digests', to='registry.organization')),
                    ],
                    options={
                        'db_table': 'registry_noticedigest',
                        'ordering': ['-digest_date', 'organization_id'],
                    },
                ),
                migrations.CreateModel(
                    name='Notice',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=certificates.notices.sources.notice_kind_choices, max_length=32)),
                        ('subject_id', models.PositiveBigIntegerField()),
                        ('due_date', models.DateField()),
                        ('stage', models.SlugField(max_length=32)),
                        ('stage_date', models.DateField()),
                        ('subject_label', models.CharField(max_length=500)),
                        ('serial_number', models.CharField(blank=True, max_length=100)),
                        ('location', models.CharField(blank=True, max_length=500)),
                        ('legal_basis', models.CharField(max_length=255)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('read_at', models.DateTimeField(blank=True, null=True)),
                        ('acknowledged_at', models.DateTimeField(blank=True, null=True)),
                        ('acknowledged_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('organization', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='notices', to='registry.organization')),
                        ('subject_type', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contenttypes.contenttype')),
                        ('digest', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='notices', to='certificates.noticedigest')),
                    ],
                    options={
                        'db_table': 'registry_notice',
                        'ordering': ['-stage_date', '-id'],
                    },
                ),
                migrations.AddConstraint(
                    model_name='noticedigest',
                    constraint=models.UniqueConstraint(fields=('organization', 'digest_date'), name='notice_digest_one_a_day'),
                ),
                migrations.AddIndex(
                    model_name='notice',
                    index=models.Index(fields=['subject_type', 'subject_id', 'due_date'], name='registry_no_subject_2517ac_idx'),
                ),
                migrations.AddIndex(
                    model_name='notice',
                    index=models.Index(fields=['organization', 'digest'], name='registry_no_organiz_803cb3_idx'),
                ),
                migrations.AddConstraint(
                    model_name='notice',
                    constraint=models.UniqueConstraint(fields=('subject_type', 'subject_id', 'kind', 'due_date', 'stage'), name='notice_once_per_subject_due_date_and_stage'),
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name='noticestage', table=None),
        migrations.AlterModelTable(name='historicalnoticestage', table=None),
        migrations.AlterModelTable(name='noticedigest', table=None),
        migrations.AlterModelTable(name='notice', table=None),
        migrations.RenameIndex(model_name='notice', new_name='notice_subject_due_date_idx',
                               old_name='registry_no_subject_2517ac_idx'),
        migrations.RenameIndex(model_name='notice', new_name='notice_organization_digest_idx',
                               old_name='registry_no_organiz_803cb3_idx'),
        migrations.RunPython(content_types_forwards, content_types_backwards),
        migrations.RunPython(anchor_forwards, anchor_backwards),
    ]
