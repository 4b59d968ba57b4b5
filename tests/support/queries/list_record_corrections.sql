SELECT record_id, fields, reason, corrected_by FROM deposits.record_corrections
