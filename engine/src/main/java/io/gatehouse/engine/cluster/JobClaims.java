package io.gatehouse.engine.cluster;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A node's claim on a run of a cluster job ({@link JobClaim}), in a transaction of its own, so that the row it
 * updates is locked only for that moment and not for the rest of the request that noticed the job.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class JobClaims {

    @Resource(lookup = "jdbc/gatehouse")
    DataSource dataSource;

    /** Whether this node takes the run of {@code job} due at {@code now}. */
    public boolean claim(ClusterJob job, long now) {
        try (Connection connection = dataSource.getConnection()) {
            return JobClaim.claim(connection, job, now, NodeName.current());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot claim the run of " + job, e);
        }
    }
}
