-- Keeps a signed head of log $1 unless one of its size exists: $2 size,
-- $3 root and $5 signature in hex, $4 signed_at in microseconds since 1970
-- (exact: no floating point on the way).
SELECT audit.add_head($1, $2, decode($3, 'hex'),
                      to_timestamp($4::bigint / 1000000)
                        + ($4::bigint % 1000000) * interval '1 microsecond',
                      decode($5, 'hex'))
