-- Stores a signed declaration: $1 id (reserve_declaration_id), $2 visitor,
-- $3 text version and $4 its SHA-256, $5 scope kind, $6 scope values
-- (text[]), $7 valid from, $8 valid until, $9 signed at (microseconds since
-- the epoch), $10 witnessed by, $11 signature scan SHA-256, $12 seal key id,
-- $13 seal.
INSERT INTO readingroom.declarations (id, visitor_id, text_version,
                                      text_sha256, scope_kind, scope_values,
                                      valid_from, valid_until, signed_at,
                                      witnessed_by, signature_scan_sha256,
                                      seal_key_id, seal)
VALUES ($1, $2, $3, $4, $5, $6::text[],
        timestamptz 'epoch' + $7::bigint * interval '1 microsecond',
        timestamptz 'epoch' + $8::bigint * interval '1 microsecond',
        timestamptz 'epoch' + $9::bigint * interval '1 microsecond',
        $10, $11, $12, $13);
