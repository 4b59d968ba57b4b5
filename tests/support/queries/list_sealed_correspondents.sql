SELECT birth_date_sealed, national_id_sealed, national_id_index, person_index,
       subject, folded_name, name_index
  FROM journal.correspondents
 ORDER BY id
