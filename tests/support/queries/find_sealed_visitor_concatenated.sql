SELECT name_sealed || contact_sealed || birth_date_sealed || person_index
  FROM readingroom.visitors
 WHERE id = $1
