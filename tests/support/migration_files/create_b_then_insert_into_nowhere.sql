-- A migration whose second statement fails: the first must not stay.
CREATE TABLE b (id int); INSERT INTO nowhere VALUES (1);
