UPDATE privacy.access_requests
   SET identity_sealed = (SELECT identity_sealed FROM privacy.access_requests
                           WHERE id = $1)
 WHERE id = $2
