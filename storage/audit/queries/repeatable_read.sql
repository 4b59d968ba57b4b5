-- One snapshot for the whole transaction; must run before anything else in
-- it.
SET TRANSACTION ISOLATION LEVEL REPEATABLE READ
