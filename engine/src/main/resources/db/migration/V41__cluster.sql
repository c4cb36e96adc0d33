-- Running as a cluster (issue 30).

-- Work that any node may notice is due (purges of expired rows, the import-job watch) but that must run once across
-- the cluster, not once per node: a node takes a run by moving last_run_at forward, which one node wins per interval.
-- One row per job (ClusterJob in the engine), made here so that a claim never has to insert.
CREATE TABLE cluster_job (
    name         VARCHAR(64)  NOT NULL PRIMARY KEY,
    last_run_at  BIGINT       NOT NULL,
    -- The node that took the last run, for an operator reading the table.
    node         VARCHAR(128)
);
INSERT INTO cluster_job (name, last_run_at) VALUES ('authorization-code-purge', 0), ('auth-session-purge', 0),
    ('federated-login-purge', 0), ('federated-replay-purge', 0), ('identity-pool-replay-purge', 0),
    ('auth-event-purge', 0), ('address-throttle-purge', 0), ('refresh-token-purge', 0), ('hosted-session-purge', 0),
    ('sts-session-purge', 0), ('unconfirmed-device-purge', 0), ('import-watch', 0);
-- A row to lock while the first start makes the bootstrap admin credential, so two nodes starting together on an
-- empty database make one, not two.
INSERT INTO cluster_job (name, last_run_at) VALUES ('admin-bootstrap', 0);

-- A value sealed with the data key when the database was first used, so that a node with another data key is
-- refused at start, before it seals anything of its own that the other nodes could not open.
CREATE TABLE data_key_check (
    name   VARCHAR(16)   NOT NULL PRIMARY KEY,
    probe  VARCHAR(256)  NOT NULL
);

-- A running import job's last sign of life: the node running it writes it with the counts; a job InProgress whose
-- heartbeat is old lost its node and is resumed by another.
ALTER TABLE user_import_job ADD COLUMN heartbeat_at BIGINT;
-- Which run of which node has the job: a run that was thought dead and taken over stops at its next progress.
ALTER TABLE user_import_job ADD COLUMN runner VARCHAR(200);
