-- Writes every mutable column of access request $1: $2 due_on (YYYY-MM-DD),
-- $3 extension_months, $4 extension_reason, $5 status, $6 compiled_at and
-- $10 closed_at (microseconds since 1970 or NULL), $7 compile_count,
-- $8 item_count, $9 document_sha256, $11 closed_by, $12 close_reason.
UPDATE privacy.access_requests
SET due_on = $2::date,
    extension_months = $3,
    extension_reason = $4,
    status = $5,
    compiled_at = to_timestamp($6::double precision / 1e6),
    compile_count = $7,
    item_count = $8,
    document_sha256 = $9,
    closed_at = to_timestamp($10::double precision / 1e6),
    closed_by = $11,
    close_reason = $12
WHERE id = $1
