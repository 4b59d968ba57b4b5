-- Makes this transaction read on a snapshot another one exported; must run
-- before anything else in the transaction. The snapshot id follows as a
-- quoted literal: PostgreSQL takes no parameters in SET, so this statement
-- is run, not prepared.
SET TRANSACTION SNAPSHOT
