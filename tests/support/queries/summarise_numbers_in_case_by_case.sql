SELECT case_id, count(*), max(number_in_case), count(DISTINCT number_in_case)
  FROM journal.entries
 GROUP BY case_id
