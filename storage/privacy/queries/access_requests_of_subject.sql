-- Every access request about the pseudonym $1, by id.
SELECT * FROM privacy.access_request_rows WHERE subject = $1 ORDER BY id
