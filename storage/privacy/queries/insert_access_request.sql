-- A new access request. $1 id (from next_access_request_id), $2 subject
-- pseudonym, $3 identity_kind, $4 identity_sealed, $5 verified_by,
-- $6 received_on, $7 due_on, $8 target_on (YYYY-MM-DD), $9 status,
-- $10 opened_at (microseconds since 1970), $11 opened_by.
INSERT INTO privacy.access_requests (id, subject, identity_kind,
                                     identity_sealed, verified_by,
                                     received_on, due_on, target_on, status,
                                     opened_at, opened_by)
VALUES ($1, $2, $3, $4, $5, $6::date, $7::date, $8::date, $9,
        to_timestamp($10::double precision / 1e6), $11)
