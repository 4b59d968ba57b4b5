-- Replaces the journal's settings: $1 archive creator id, $2 its name, $3
-- retention of application documents in months, $4 when (microseconds
-- since the epoch), $5 by whom.
UPDATE journal.settings
SET archive_creator_id = $1, archive_creator_name = $2,
    application_retention_months = $3,
    updated_at = to_timestamp($4::double precision / 1e6), updated_by = $5
