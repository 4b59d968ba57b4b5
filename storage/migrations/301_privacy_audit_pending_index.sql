-- What the audit sealer reads next in privacy's log: the committed events
-- not yet sealed (the same index 005, 101 and 201 put on the other logs),
-- so a sealing pass does not scan every sealed event.
CREATE INDEX ON privacy.audit_events (id) WHERE seq IS NULL;
