"""On PostgreSQL, a write's entries join the chain when its transaction commits, not when it writes.

Until now each append took the chain's advisory lock at the write and held it to the commit, so a transaction that
wrote, then rendered or waited on a row lock, kept every other writer of the register waiting for that long (and
the services had to take the chain's lock before any hot row lock, in one order everywhere).

Now `audit.services.audit_append` inserts the entry, hash not yet known, into `audit_pending`, and a deferred
constraint trigger on that table chains the transaction's pending entries at its commit: it takes the chain's
lock, reads the head (a statement of its own, so it sees what the previous holder committed), computes the hash
(as 0003 did: the caller sends the canonical JSON of the eight other fields without its closing brace), inserts the
entry into the chain and deletes the pending row by its key. It fires once per pending row, in the order they were
written, so each call chains its own row and never scans the table (which holds the dead rows of earlier
transactions until the next vacuum). The lock is then held only for the moment of the commit. A rollback takes the
pending entries with it; the table is empty outside a transaction that is writing, so it is UNLOGGED (no write-ahead
log for it: after a crash PostgreSQL empties it, which is what it holds then anyway).

`SET CONSTRAINTS audit_pending_chain IMMEDIATE` chains at the end of each statement instead, holding the lock to
the end of the transaction as before: the tests that never commit (each runs in a transaction rolled back at its
end) say it, so that their entries are in the chain when they look."""

import importlib

from django.db import migrations

# audit.services.CHAIN_LOCK_KEY, copied: a migration never imports the app's code (tests/audit checks they agree).
CHAIN_LOCK_KEY = 3_511_314_799_020_881_843

CREATE = f"""
CREATE UNLOGGED TABLE audit_pending (
    id bigserial PRIMARY KEY,
    head text NOT NULL,
    at timestamptz NOT NULL,
    actor_id bigint,
    actor_username varchar(150),
    action varchar(8) NOT NULL,
    model varchar(100) NOT NULL,
    object_pk varchar(64) NOT NULL,
    before jsonb,
    after jsonb
);

CREATE FUNCTION audit_pending_chain() RETURNS trigger LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    last_sequence bigint;
    last_hash varchar;
BEGIN
    PERFORM pg_advisory_xact_lock({CHAIN_LOCK_KEY:d});  -- taken at the first entry, held to the commit's end
    SELECT e.sequence, e.hash INTO last_sequence, last_hash FROM audit_auditentry e ORDER BY e.sequence DESC LIMIT 1;
    last_sequence := coalesce(last_sequence, 0) + 1;
    last_hash := coalesce(last_hash, repeat('0', 64));
    INSERT INTO audit_auditentry (sequence, at, actor_id, actor_username, action, model, object_pk, before, after,
                                  prev_hash, hash)
    VALUES (last_sequence, NEW.at, NEW.actor_id, NEW.actor_username, NEW.action, NEW.model, NEW.object_pk,
            NEW.before, NEW.after, last_hash,
            encode(sha256(convert_to(NEW.head || '"prev_hash":"' || last_hash || '","sequence":'
                                     || last_sequence::text || '}}', 'UTF8')), 'hex'));
    DELETE FROM audit_pending WHERE id = NEW.id;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER audit_pending_chain AFTER INSERT ON audit_pending
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_pending_chain();

DROP FUNCTION audit_entry_append(text, timestamptz, bigint, varchar, varchar, varchar, varchar, jsonb, jsonb);
"""


def _create_previous(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        previous = importlib.import_module("audit.migrations.0003_append_function")
        schema_editor.execute("DROP TABLE audit_pending; DROP FUNCTION audit_pending_chain();")
        schema_editor.execute(previous.CREATE)


def _create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_append_function")]

    operations = [migrations.RunPython(_create, _create_previous)]
