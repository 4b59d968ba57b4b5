SELECT 'Zyxwvut Recognisable'::int
