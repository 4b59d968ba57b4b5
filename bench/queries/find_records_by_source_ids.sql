SELECT source_record_id, id
  FROM deposits.records
 WHERE source_record_id = ANY(string_to_array($1, ','))
