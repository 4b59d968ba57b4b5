-- The rows of privacy.access_requests and privacy.breaches as the store
-- reads them, defined once for the several statements that select them
-- (storage/privacy/queries/): times as whole microseconds since 1970
-- (bigint, the *_us columns), category arrays as comma-joined text
-- (categories are tokens of a-z, 0-9 and -). Dates, and the times the
-- statements filter and sort on, are the table's own columns, so that the
-- table's indexes serve them. Simple views: SELECT ... FOR UPDATE on them
-- locks the table's rows.
CREATE VIEW privacy.access_request_rows AS
SELECT id, subject, identity_kind, identity_sealed, verified_by,
       received_on, due_on, target_on,
       extension_months, extension_reason, status,
       (extract(epoch FROM opened_at) * 1000000)::bigint AS opened_us,
       opened_by,
       (extract(epoch FROM compiled_at) * 1000000)::bigint AS compiled_us,
       compile_count, item_count, document_sha256,
       closed_at,
       (extract(epoch FROM closed_at) * 1000000)::bigint AS closed_us,
       closed_by, close_reason
FROM privacy.access_requests;

CREATE VIEW privacy.breach_rows AS
SELECT id,
       (extract(epoch FROM became_aware_at) * 1000000)::bigint AS aware_us,
       deadline_at,
       (extract(epoch FROM deadline_at) * 1000000)::bigint AS deadline_us,
       nature,
       array_to_string(data_categories, ',') AS data_categories,
       array_to_string(people_categories, ',') AS people_categories,
       approximate_people,
       (extract(epoch FROM registered_at) * 1000000)::bigint AS registered_us,
       registered_by,
       notified_at,
       (extract(epoch FROM notified_at) * 1000000)::bigint AS notified_us,
       notified_by, late_reason
FROM privacy.breaches;
