package io.gatehouse.providers.userstore.jdbc;

import io.gatehouse.api.userstore.UserStoreContext;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.UUID;

/** A database with the engine's schema, migrated by the engine's own migration files, and pools in it. */
final class TestDatabase {

    private final DataSource dataSource;

    TestDatabase(DataSource dataSource) {
        this.dataSource = dataSource;
        Flyway.configure()
                .dataSource(dataSource)
                .locations("filesystem:" + Paths.get("target/test-classes/engine-migrations").toAbsolutePath())
                .load()
                .migrate();
    }

    /** Creates a pool row (users reference it) and a context for a store of that pool. */
    UserStoreContext newPool(boolean caseSensitive) {
        String pool = "us-east-1_" + UUID.randomUUID().toString().replace("-", "").substring(0, 9);
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO user_pool (id, name, settings, created_at,"
                     + " modified_at, version) VALUES (?, 'test', '{}', 0, 0, 1)")) {
            insert.setString(1, pool);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return UserStoreContext.of(pool, dataSource, caseSensitive, Clock.systemUTC());
    }
}
