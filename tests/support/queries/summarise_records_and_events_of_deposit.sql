SELECT count(*), count(DISTINCT source_record_id),
       (SELECT accepted_records FROM deposits.deposits WHERE id = $1),
       (SELECT count(*) FROM deposits.rejections WHERE deposit_id = $1),
       (SELECT count(*) FROM deposits.audit_events
         WHERE action = 'record.deposit' AND object = 'deposit/' || $1::text)
  FROM deposits.records
 WHERE deposit_id = $1
