package io.gatehouse.engine.cluster;

import io.gatehouse.engine.persistence.TestDatabases;

import javax.sql.DataSource;
import java.sql.SQLException;

/** {@link JobClaimContract} on PostgreSQL, in a schema of its own that each test starts empty. */
class JobClaimOnPostgresTest extends JobClaimContract {

    @Override
    protected DataSource emptyDatabase() throws SQLException {
        return TestDatabases.postgres("gatehouse_cluster_test");
    }
}
