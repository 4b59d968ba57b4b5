SELECT cardinality($1::text[])
