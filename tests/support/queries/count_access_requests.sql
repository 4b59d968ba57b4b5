SELECT count(*) FROM privacy.access_requests
