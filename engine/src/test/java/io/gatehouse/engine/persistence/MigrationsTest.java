package io.gatehouse.engine.persistence;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsTest {

    @Test
    void indexWhenBuiltThenListsEveryMigrationInTheFolderInOrder() throws IOException {
        List<String> files;
        try (Stream<Path> folder = Files.list(Paths.get("src/main/resources/db/migration"))) {
            files = folder.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }

        assertThat(new IndexedMigrations(getClass().getClassLoader()).names()).containsExactlyElementsOf(files);
    }

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
            assertThat(names).contains("user_pool", "user_pool_client", "admin_credential");
        }
    }
}
