-- Keys that are only ever compared for equality (hex blind indexes and
-- pseudonyms, the source systems' record ids, box labels) compare byte by
-- byte: the "C" collation skips the locale's rules, which cost most of the
-- time of index maintenance during a transfer. Ordering by them means
-- nothing to a user, so nothing visible changes.
ALTER TABLE deposits.records
  ALTER COLUMN source_record_id TYPE text COLLATE "C",
  ALTER COLUMN national_id_index TYPE text COLLATE "C",
  ALTER COLUMN person_index TYPE text COLLATE "C",
  ALTER COLUMN box TYPE text COLLATE "C",
  ALTER COLUMN subject TYPE text COLLATE "C";
ALTER TABLE deposits.rejections
  ALTER COLUMN source_record_id TYPE text COLLATE "C";
ALTER TABLE deposits.record_exceptions
  ALTER COLUMN source_record_id TYPE text COLLATE "C";
ALTER TABLE deposits.audit_events
  ALTER COLUMN subject TYPE text COLLATE "C";
