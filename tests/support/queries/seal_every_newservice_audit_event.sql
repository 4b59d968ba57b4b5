SELECT audit.seal_events('newservice', array_agg(id ORDER BY id),
                         array_agg(id ORDER BY id), array_agg(repeat('ab', 32)))
  FROM newservice.audit_events
