-- Appends events to the audit log of service schema $1, in array order:
-- $2 actors, $3 roles, $4 actions, $5 objects, $6 subjects (empty: none),
-- $7 details, one element of each per event (text[] literals).
SELECT audit.append_events($1, $2::text[], $3::text[], $4::text[],
                           $5::text[], $6::text[], $7::text[])
