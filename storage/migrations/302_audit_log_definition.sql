-- Every service's tamper-evident audit log, defined once (a cross-service
-- migration, numbered in PrivacyService's range). The four logs made by
-- migrations 002/005/007, 100/101, 200/201 and 300/301 have, after the
-- ALTERs at the end, exactly the tables audit.create_log makes (a storage
-- test compares them); a new service's schema gets its log with
--   SELECT audit.create_log('<schema>');
-- in its own migration, and nothing else to copy.
--
-- Schema `audit` is the one way into the logs that is not a service's own:
-- AuditService seals, verifies and exports every log through the views
-- audit.events and audit.heads and the functions below, never through a
-- service's tables by name (docs/architecture.md, "Audit logs").
CREATE SCHEMA audit;

-- The logs, in the order the views list them.
CREATE TABLE audit.logs (
  name text PRIMARY KEY,        -- the service's schema
  position integer NOT NULL UNIQUE
);

-- (Re)creates audit.events and audit.heads: every log's events and signed
-- heads, each row with its log's name. A statement that filters on `log`
-- reads only that log's table (the planner skips the others).
CREATE FUNCTION audit.define_views() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  events text;
  heads text;
BEGIN
  SELECT string_agg(format(
           'SELECT %L::text AS log, id, occurred_at, actor, actor_role, '
           'action, object, subject, detail, seq, chain_hash '
           'FROM %I.audit_events', name, name), ' UNION ALL '
           ORDER BY position),
         string_agg(format(
           'SELECT %L::text AS log, size, root, signed_at, signature '
           'FROM %I.audit_heads', name, name), ' UNION ALL '
           ORDER BY position)
  INTO events, heads
  FROM audit.logs;
  EXECUTE 'CREATE OR REPLACE VIEW audit.events AS ' || events;
  EXECUTE 'CREATE OR REPLACE VIEW audit.heads AS ' || heads;
END $$;

-- The audit log of the service whose schema is log_schema: its events
-- (appended by the service in the same transaction as the change; seq and
-- chain_hash filled by the sealer, in id order of committed events, so
-- writers never wait for it) and its signed tree heads (Ed25519 over the
-- documented head encoding; the private key is a file, never here).
-- Names and identity numbers never appear in a log: `subject` is a keyed
-- pseudonym (HMAC-SHA-256).
CREATE FUNCTION audit.create_log(log_schema text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format($ddl$
    CREATE TABLE %1$I.audit_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
      actor text NOT NULL,
      actor_role text NOT NULL,
      action text NOT NULL,
      object text NOT NULL,
      subject text COLLATE "C",  -- compared only for equality: byte by byte
      detail text NOT NULL DEFAULT '',
      seq bigint UNIQUE,  -- position in the hash chain; NULL until sealed
      chain_hash bytea    -- SHA-256 chain value after this event; NULL until sealed
    );
    -- A person's trail (access requests, erasure).
    CREATE INDEX ON %1$I.audit_events (subject) WHERE subject IS NOT NULL;
    -- What the sealer reads next: the committed events not yet sealed.
    CREATE INDEX ON %1$I.audit_events (id) WHERE seq IS NULL;
    CREATE TABLE %1$I.audit_heads (
      size bigint PRIMARY KEY,  -- number of sealed events covered
      root bytea NOT NULL,      -- chain_hash of event seq = size
      signed_at timestamptz NOT NULL DEFAULT now(),
      signature bytea NOT NULL
    )$ddl$, log_schema);
  INSERT INTO audit.logs (name, position)
  SELECT log_schema, coalesce(max(position), 0) + 1 FROM audit.logs;
  PERFORM audit.define_views();
END $$;

-- Appends events to a log, in array order, in the caller's transaction:
-- one element of each array per event; an empty subject is stored as NULL.
CREATE FUNCTION audit.append_events(log text, actors text[], roles text[],
                                    actions text[], objects text[],
                                    subjects text[], details text[])
RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format(
    'INSERT INTO %I.audit_events '
    '(actor, actor_role, action, object, subject, detail) '
    'SELECT a, r, v, o, NULLIF(s, ''''), d '
    'FROM unnest($1, $2, $3, $4, $5, $6) WITH ORDINALITY '
    'AS e(a, r, v, o, s, d, n) ORDER BY n', log)
  USING actors, roles, actions, objects, subjects, details;
END $$;

-- Seals events of a log: event ids[i] gets seq seqs[i] and chain_hash
-- decode(hashes[i], 'hex'), unless it is sealed already. Returns how many
-- were sealed.
CREATE FUNCTION audit.seal_events(log text, ids bigint[], seqs bigint[],
                                  hashes text[])
RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  sealed bigint;
BEGIN
  EXECUTE format(
    'UPDATE %I.audit_events AS e '
    'SET seq = u.seq, chain_hash = decode(u.hash, ''hex'') '
    'FROM unnest($1, $2, $3) AS u(id, seq, hash) '
    'WHERE e.id = u.id AND e.seq IS NULL', log)
  USING ids, seqs, hashes;
  GET DIAGNOSTICS sealed = ROW_COUNT;
  RETURN sealed;
END $$;

-- Keeps a signed head of a log unless one of that size exists.
CREATE FUNCTION audit.add_head(log text, size bigint, root bytea,
                               signed_at timestamptz, signature bytea)
RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format(
    'INSERT INTO %I.audit_heads (size, root, signed_at, signature) '
    'VALUES ($1, $2, $3, $4) ON CONFLICT (size) DO NOTHING', log)
  USING size, root, signed_at, signature;
END $$;

-- Pseudonyms compare byte by byte in every log, as deposits' have since
-- 007: equality is all they are used for, so nothing visible changes.
ALTER TABLE readingroom.audit_events ALTER COLUMN subject TYPE text COLLATE "C";
ALTER TABLE journal.audit_events ALTER COLUMN subject TYPE text COLLATE "C";
ALTER TABLE privacy.audit_events ALTER COLUMN subject TYPE text COLLATE "C";

INSERT INTO audit.logs (name, position)
VALUES ('deposits', 1), ('readingroom', 2), ('journal', 3), ('privacy', 4);
SELECT audit.define_views();
