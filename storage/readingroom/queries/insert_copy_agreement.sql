-- Records an agreement to copy items $2 (text[]) of loan $1: $3 method, $4
-- purpose, $5 approved by, $6 approved at (microseconds since the epoch).
INSERT INTO readingroom.copy_agreements (loan_id, item_refs, method, purpose,
                                         approved_by, approved_at)
VALUES ($1, $2::text[], $3, $4, $5,
        timestamptz 'epoch' + $6::bigint * interval '1 microsecond')
RETURNING id;
