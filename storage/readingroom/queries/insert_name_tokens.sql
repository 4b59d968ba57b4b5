-- Indexes visitor $2's name by its word tokens $1 (keyed hashes, text[]).
INSERT INTO readingroom.visitor_name_tokens (token, visitor_id)
SELECT unnest($1::text[]), $2;
