package io.gatehouse.engine.security;

import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;

/**
 * {@link ColumnSealerContract} on PostgreSQL (127.0.0.1:5432, database {@code test}), in a schema of its own that
 * each test starts empty. Skipped only with {@code -DskipPostgresIT=true}; an unreachable server fails.
 */
class ColumnSealerOnPostgresTest extends ColumnSealerContract {

    private static final String SCHEMA = "gatehouse_seal_test";

    @Override
    protected DataSource emptyDatabase() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("gatehouse.test.postgres.skip"), "-DskipPostgresIT=true");
        String url = System.getProperty("gatehouse.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getProperty("gatehouse.test.postgres.user", "postgres");
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(url);
        admin.setUser(user);
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            s.execute("CREATE SCHEMA " + SCHEMA);
        }
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(url + "?currentSchema=" + SCHEMA);
        postgres.setUser(user);
        return postgres;
    }
}
