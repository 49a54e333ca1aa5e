"""On PostgreSQL, one function appends an entry in one round trip: it takes the chain's advisory lock, reads the
head (a statement of its own, so it sees what the previous holder committed), computes the hash and inserts.

The hash is SHA-256 over the canonical JSON of audit/chain.py; its last two keys in sorted order are `prev_hash` and
`sequence`, so the caller sends the canonical JSON of the other eight fields without its closing brace (`p_head`,
ending with a comma) and the function completes it. `manage.py verify_audit` recomputes every hash in Python."""

from django.db import migrations

# audit.services.CHAIN_LOCK_KEY, copied: a migration never imports the app's code (tests/audit checks they agree).
CHAIN_LOCK_KEY = 3_511_314_799_020_881_843

CREATE = f"""
CREATE FUNCTION audit_entry_append(p_head text, p_at timestamptz, p_actor_id bigint, p_actor_username varchar,
                                   p_action varchar, p_model varchar, p_object_pk varchar, p_before jsonb,
                                   p_after jsonb)
RETURNS TABLE (o_sequence bigint, o_hash varchar) LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    last_sequence bigint;
    last_hash varchar;
BEGIN
    PERFORM pg_advisory_xact_lock({CHAIN_LOCK_KEY:d});
    SELECT e.sequence, e.hash INTO last_sequence, last_hash FROM audit_auditentry e ORDER BY e.sequence DESC LIMIT 1;
    o_sequence := coalesce(last_sequence, 0) + 1;
    last_hash := coalesce(last_hash, repeat('0', 64));
    o_hash := encode(sha256(convert_to(
        p_head || '"prev_hash":"' || last_hash || '","sequence":' || o_sequence::text || '}}', 'UTF8')), 'hex');
    INSERT INTO audit_auditentry (sequence, at, actor_id, actor_username, action, model, object_pk, before, after,
                                  prev_hash, hash)
    VALUES (o_sequence, p_at, p_actor_id, p_actor_username, p_action, p_model, p_object_pk, p_before, p_after,
            last_hash, o_hash);
    RETURN NEXT;
END;
$$;
"""

DROP = "DROP FUNCTION IF EXISTS audit_entry_append(text, timestamptz, bigint, varchar, varchar, varchar, varchar, " \
       "jsonb, jsonb);"


def _on_postgresql(sql: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)
    return run


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only_trigger")]

    operations = [migrations.RunPython(_on_postgresql(CREATE), _on_postgresql(DROP))]
