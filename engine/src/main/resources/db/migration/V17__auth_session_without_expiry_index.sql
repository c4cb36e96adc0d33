-- auth_session holds only challenges awaiting an answer, each for minutes at most (spent ones are deleted at once),
-- and its expired rows are purged once a minute per node: a scan of a small table. The index cost every challenge
-- an extra index entry written and removed; under SRP load the secondary-index writes were the largest single cost
-- of the embedded database.
DROP INDEX auth_session_by_expiry;
