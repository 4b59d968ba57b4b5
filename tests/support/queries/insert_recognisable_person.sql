INSERT INTO people VALUES ('Zyxwvut Recognisable', 1950)
