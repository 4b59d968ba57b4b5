-- Approves visitor $1's loan of special-category items $2 (text[]): $3
-- reason, $4 approved by, $5 approved at and $6 valid until (microseconds
-- since the epoch).
INSERT INTO readingroom.special_approvals (visitor_id, item_refs, reason,
                                           approved_by, approved_at,
                                           valid_until)
VALUES ($1, $2::text[], $3, $4,
        timestamptz 'epoch' + $5::bigint * interval '1 microsecond',
        timestamptz 'epoch' + $6::bigint * interval '1 microsecond')
RETURNING id;
