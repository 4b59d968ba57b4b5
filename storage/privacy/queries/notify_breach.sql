-- Records that breach $1 was notified: $2 notified_at (microseconds since
-- 1970 or NULL), $3 notified_by, $4 late_reason; only once.
UPDATE privacy.breaches
SET notified_at = to_timestamp($2::double precision / 1e6),
    notified_by = $3,
    late_reason = $4
WHERE id = $1 AND notified_at IS NULL
