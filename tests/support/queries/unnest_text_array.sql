SELECT v FROM unnest($1::text[]) WITH ORDINALITY AS t(v, n) ORDER BY n
