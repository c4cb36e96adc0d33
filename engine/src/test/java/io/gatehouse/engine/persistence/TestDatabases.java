package io.gatehouse.engine.persistence;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** Empty databases for tests that run the real migrations: the embedded one as the server configures it, and PostgreSQL. */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** A new in-memory embedded database, in the server's compatibility mode. */
    public static DataSource h2(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + "-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        return h2;
    }

    /**
     * {@code schema}, dropped and made again, on PostgreSQL (127.0.0.1:5432, database {@code test}). Skipped only with
     * {@code -DskipPostgresIT=true}; an unreachable server fails. Each test class needs a schema of its own.
     */
    public static DataSource postgres(String schema) throws SQLException {
        Assumptions.assumeFalse(Boolean.getBoolean("gatehouse.test.postgres.skip"), "-DskipPostgresIT=true");
        String url = System.getProperty("gatehouse.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getProperty("gatehouse.test.postgres.user", "postgres");
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(url);
        admin.setUser(user);
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setURL(url + "?currentSchema=" + schema);
        postgres.setUser(user);
        return postgres;
    }
}
