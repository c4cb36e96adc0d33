package io.gatehouse.engine.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The statements of a claim on a run of a cluster job. The UPDATE is the arbiter: of the nodes that find the last
 * run older than the interval, the first to move it forward updates one row, and the others, whose UPDATE waits for
 * that one's commit and then finds the condition false, update none. Every job's row is there from the migrations,
 * so there is no first insert for two nodes to race on (and no dialect's upsert, which the embedded database lacks).
 */
final class JobClaim {

    private JobClaim() {
    }

    /** Whether the node named {@code node} takes the run of {@code job} due at {@code now}, on {@code connection}. */
    static boolean claim(Connection connection, ClusterJob job, long now, String node) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE cluster_job SET last_run_at = ?, node = ? WHERE name = ? AND last_run_at <= ?")) {
            update.setLong(1, now);
            update.setString(2, node);
            update.setString(3, job.rowName());
            update.setLong(4, now - job.interval().toMillis());
            return update.executeUpdate() == 1;
        }
    }
}
