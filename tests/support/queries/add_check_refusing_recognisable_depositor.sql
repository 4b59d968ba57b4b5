-- A real PostgreSQL refusal whose DETAIL quotes the whole row.
ALTER TABLE deposits.depositors
  ADD CONSTRAINT depositors_test_refusal CHECK (name <> 'Zyxwvut Recognisable')
