package io.gatehouse.engine.security;

import io.gatehouse.engine.persistence.TestDatabases;

import javax.sql.DataSource;
import java.sql.SQLException;

/** {@link ColumnSealerContract} on PostgreSQL, in a schema of its own that each test starts empty. */
class ColumnSealerOnPostgresTest extends ColumnSealerContract {

    @Override
    protected DataSource emptyDatabase() throws SQLException {
        return TestDatabases.postgres("gatehouse_seal_test");
    }
}
