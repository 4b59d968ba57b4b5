-- The access request with id $1, its row locked until the transaction ends.
SELECT * FROM privacy.access_request_rows WHERE id = $1 FOR UPDATE
