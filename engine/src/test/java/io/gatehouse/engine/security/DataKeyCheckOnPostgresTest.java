package io.gatehouse.engine.security;

import io.gatehouse.engine.persistence.TestDatabases;

import javax.sql.DataSource;
import java.sql.SQLException;

/** {@link DataKeyCheckContract} on PostgreSQL, in a schema of its own that each test starts empty. */
class DataKeyCheckOnPostgresTest extends DataKeyCheckContract {

    @Override
    protected DataSource emptyDatabase() throws SQLException {
        return TestDatabases.postgres("gatehouse_key_check_test");
    }
}
