-- Records one EraseSubject: $1 subject pseudonym, $2 requested_at
-- (microseconds since 1970), $3 requested_by, $4 reason, $5 erased_count,
-- $6 kept_count. Returns its id.
INSERT INTO privacy.erasures (subject, requested_at, requested_by, reason,
                              erased_count, kept_count)
VALUES ($1, to_timestamp($2::double precision / 1e6), $3, $4, $5, $6)
RETURNING id
