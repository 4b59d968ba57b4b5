-- Words marked to screen: $1 case id, $2 entry id, $3 marking, $4 the
-- words sealed, $5 authority, $6 when (microseconds since the epoch), $7 by
-- whom.
INSERT INTO journal.screened_words (case_id, entry_id, marking, words_sealed,
                                    authority, screened_at, screened_by)
VALUES ($1, $2, $3, $4, $5, to_timestamp($6::double precision / 1e6), $7)
