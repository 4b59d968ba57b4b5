UPDATE readingroom.visitors SET registered_at = now() - interval '3 years'
