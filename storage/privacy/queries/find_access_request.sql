-- The access request with id $1.
SELECT * FROM privacy.access_request_rows WHERE id = $1
