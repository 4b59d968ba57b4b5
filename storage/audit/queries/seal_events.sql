-- Seals events of log $1: event $2[i] gets seq $3[i] and chain hash $4[i]
-- (hex), unless it is sealed already (bigint[], bigint[] and text[]
-- literals). Returns how many it sealed.
SELECT audit.seal_events($1, $2::bigint[], $3::bigint[], $4::text[])
