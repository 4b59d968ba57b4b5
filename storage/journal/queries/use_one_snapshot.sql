-- Makes the transaction read one snapshot throughout (a long report whose
-- header counts what follows); run before any other statement of it.
SET TRANSACTION ISOLATION LEVEL REPEATABLE READ
