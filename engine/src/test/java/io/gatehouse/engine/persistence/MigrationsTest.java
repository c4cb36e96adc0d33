package io.gatehouse.engine.persistence;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsTest {

    @Test
    void migrateWhenEmbeddedDatabaseIsNewThenTablesExistAndSecondRunAppliesNothing() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:migrations;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");

        assertThat(DatabaseMigrations.migrate(h2, getClass().getClassLoader()).migrationsExecuted).isPositive();
        assertThat(DatabaseMigrations.migrate(h2, getClass().getClassLoader()).migrationsExecuted).isZero();

        try (Connection c = h2.getConnection();
             ResultSet tables = c.getMetaData().getTables(null, null, "%", new String[]{"TABLE"})) {
            List<String> names = new java.util.ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString("TABLE_NAME").toLowerCase());
            }
            assertThat(names).contains("user_pool", "user_pool_client", "admin_credential", "identity_pool");
        }
    }
}
