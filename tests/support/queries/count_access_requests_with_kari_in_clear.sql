SELECT count(*) FROM privacy.access_requests r
 WHERE r::text LIKE '%Kari%' OR r::text LIKE '%1980-05-17%'
