UPDATE journal.entries
   SET title_sealed = (SELECT title_sealed FROM journal.entries
                        WHERE journal_sequence = $1)
 WHERE journal_sequence = $2
