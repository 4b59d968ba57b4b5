-- The columns of deposits.records that bench_transfer copies, in the order
-- of its kCopiedColumns.
SELECT deposit_id, source_record_id, position, name_sealed,
       national_id_sealed, national_id_kind, national_id_index, person_index,
       birth_date_sealed, opened_date, last_contact_date, death_year, box,
       shelf, documents_sealed, subject, noark_sealed
  FROM deposits.records
 ORDER BY id
