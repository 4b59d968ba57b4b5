-- Moves the staged rejections into deposit $1 (by id), skipping those of
-- records the deposit has, or has rejected before; returns how many moved.
-- Run with its parameter's value (not prepared), so that it is planned for
-- the batch's size.
WITH inserted AS (
  INSERT INTO deposits.rejections (deposit_id, source_record_id, position,
                                   field, reason, eligible_from)
  SELECT $1, s.source_record_id, s.position, s.field, s.reason,
         NULLIF(s.eligible_from, '')::date
  FROM staging_rejections s
  WHERE NOT EXISTS (SELECT 1 FROM deposits.records r
                    WHERE r.deposit_id = $1
                      AND r.source_record_id = s.source_record_id)
  ON CONFLICT (deposit_id, source_record_id) DO NOTHING
  RETURNING 1
)
SELECT count(*) FROM inserted
