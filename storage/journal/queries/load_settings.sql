-- The journal's settings (one row).
SELECT archive_creator_id, archive_creator_name, application_retention_months,
       (extract(epoch FROM updated_at) * 1000000)::bigint AS updated_us,
       updated_by
FROM journal.settings
