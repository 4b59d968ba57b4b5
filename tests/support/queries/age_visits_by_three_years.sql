UPDATE readingroom.visits
   SET checked_in_at = now() - interval '3 years',
       checked_out_at = now() - interval '3 years'
