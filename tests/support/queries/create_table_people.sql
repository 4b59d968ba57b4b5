CREATE TABLE people (name text CONSTRAINT people_name_key UNIQUE, born int)
