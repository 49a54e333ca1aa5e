"""On PostgreSQL, a trigger refuses UPDATE, DELETE and TRUNCATE on the audit chain (issue 11, point 5). SQLite has no
such guard: `make run`'s database is the demo's, and `manage.py verify_audit` still catches any edit.

One way round, for tests only: Django's test runner empties every table with one TRUNCATE between transactional
tests, so a session that sets `audit.allow_truncate = 'on'` may TRUNCATE (tests/conftest.py sets it on the test
process's connections). UPDATE and DELETE stay refused. The trigger keeps the application's own code from changing
the record; what the table's owner could do anyway (drop the trigger) the chain and the published heads show."""

from django.db import migrations

TABLE = "audit_auditentry"

CREATE = f"""
CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' AND current_setting('audit.allow_truncate', true) = 'on' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
        MESSAGE = 'the audit log is append-only: ' || TG_OP || ' refused on ' || TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER audit_entry_no_update_or_delete BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON {TABLE}
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
"""

DROP = f"""
DROP TRIGGER IF EXISTS audit_entry_no_truncate ON {TABLE};
DROP TRIGGER IF EXISTS audit_entry_no_update_or_delete ON {TABLE};
DROP FUNCTION IF EXISTS audit_entry_append_only();
"""


def _on_postgresql(sql: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)
    return run


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_audit_log")]

    operations = [migrations.RunPython(_on_postgresql(CREATE), _on_postgresql(DROP))]
