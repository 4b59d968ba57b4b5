-- The connection's staging table for the COPY of a batch's rejections,
-- emptied at every commit (accepted records are copied straight into
-- deposits.records).
CREATE TEMP TABLE IF NOT EXISTS staging_rejections (
  source_record_id text,
  position bigint,
  field text,
  reason text,
  eligible_from text
) ON COMMIT DELETE ROWS
