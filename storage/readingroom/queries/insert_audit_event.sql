-- Appends an audit event in the caller's transaction: $1 actor, $2 actor
-- role, $3 action, $4 object, $5 subject pseudonym ('' for none), $6 detail.
-- Prepared: every loan and return writes one.
INSERT INTO readingroom.audit_events (actor, actor_role, action, object,
                                      subject, detail)
VALUES ($1, $2, $3, $4, NULLIF($5, ''), $6);
