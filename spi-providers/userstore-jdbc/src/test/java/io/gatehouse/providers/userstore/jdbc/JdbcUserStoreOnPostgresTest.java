package io.gatehouse.providers.userstore.jdbc;

import io.gatehouse.api.testing.UserStoreContract;
import io.gatehouse.api.userstore.UserStore;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.Statement;

/**
 * The user-store contract on PostgreSQL (127.0.0.1:5432, database {@code test}), in a schema of its own that
 * each run starts empty. Skipped only with {@code -DskipPostgresIT=true}; an unreachable server fails.
 */
class JdbcUserStoreOnPostgresTest extends UserStoreContract {

    private static final String SCHEMA = "gatehouse_userstore_test";
    private static TestDatabase database;

    @BeforeAll
    static void database() throws Exception {
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
        database = new TestDatabase(postgres);
    }

    @Override
    protected UserStore newPool(boolean caseSensitiveUsernames) {
        return new JdbcUserStoreFactory().create(database.newPool(caseSensitiveUsernames));
    }
}
