-- Registers a breach: $1 became_aware_at, $2 deadline_at, $7 registered_at
-- (microseconds since 1970), $3 nature, $4 data and $5 people categories
-- (comma-joined), $6 approximate_people, $8 registered_by. Returns its id.
INSERT INTO privacy.breaches (became_aware_at, deadline_at, nature,
                              data_categories, people_categories,
                              approximate_people, registered_at,
                              registered_by)
VALUES (to_timestamp($1::double precision / 1e6),
        to_timestamp($2::double precision / 1e6),
        $3, string_to_array($4, ','), string_to_array($5, ','), $6,
        to_timestamp($7::double precision / 1e6), $8)
RETURNING id
