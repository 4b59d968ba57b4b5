SELECT count(*),
       count(*) FILTER (WHERE subject = (SELECT subject
                                           FROM privacy.access_requests))
  FROM privacy.audit_events
 WHERE action LIKE 'access_request.%'
