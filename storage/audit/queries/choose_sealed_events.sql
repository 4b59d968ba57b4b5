-- What sealed_events.sql and sealed_events_in_range.sql read, for the rest
-- of the transaction (COPY takes no parameters): log $1; the events with
-- $2 < seq <= $3; at most $4 of them (0: all).
SELECT set_config('depot.audit_log', $1, true),
       set_config('depot.audit_after', $2::bigint::text, true),
       set_config('depot.audit_last', $3::bigint::text, true),
       set_config('depot.audit_limit', $4::bigint::text, true)
