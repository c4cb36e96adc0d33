package io.gatehouse.engine.userpool;

import io.gatehouse.engine.persistence.DatabaseMigrations;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration to two secrets per client (V30) on a database that has clients: a confidential client's secret
 * becomes its first, with the id and date ListUserPoolClientSecrets shows; a public client gets none.
 */
class ClientSecretMigrationTest {

    @Test
    void migrateWhenClientsExistThenTheirSecretGetsAnIdFromTheClientsCreation() throws Exception {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:v30-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure(getClass().getClassLoader()).dataSource(db).locations("classpath:db/migration")
                .target(lastBefore(db, "30")).load().migrate();
        execute(db, "INSERT INTO user_pool (id, name, settings, created_at, modified_at, version)"
                + " VALUES ('us-east-1_Mig123456', 'p', '{}', 0, 0, 0)");
        execute(db, "INSERT INTO user_pool_client (client_id, user_pool_id, client_name, client_secret, settings,"
                + " created_at, modified_at, version) VALUES ('conf', 'us-east-1_Mig123456', 'c', 'gh1:sealed',"
                + " '{}', 1733450000123, 1733450000999, 0)");
        execute(db, "INSERT INTO user_pool_client (client_id, user_pool_id, client_name, client_secret, settings,"
                + " created_at, modified_at, version) VALUES ('pub', 'us-east-1_Mig123456', 'c', NULL, '{}', 5, 5, 0)");

        DatabaseMigrations.migrate(db, getClass().getClassLoader());

        assertThat(row(db, "conf")).containsExactly("conf--1733450000123", "1733450000123", null);
        assertThat(row(db, "pub")).containsExactly(null, null, null);
    }

    /** The last migration before {@code version}, whichever other migrations the branch has. */
    private static MigrationVersion lastBefore(JdbcDataSource db, String version) {
        MigrationVersion limit = MigrationVersion.fromVersion(version);
        return Arrays.stream(Flyway.configure(ClientSecretMigrationTest.class.getClassLoader()).dataSource(db)
                        .locations("classpath:db/migration").load().info().all())
                .map(MigrationInfo::getVersion).filter(v -> v != null && limit.isNewerThan(v.getVersion()))
                .max(MigrationVersion::compareTo).orElseThrow();
    }

    private static void execute(JdbcDataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }

    private static String[] row(JdbcDataSource db, String clientId) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("SELECT client_secret_id,"
                + " client_secret_created_at, second_client_secret FROM user_pool_client WHERE client_id = ?")) {
            s.setString(1, clientId);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return new String[] {r.getString(1), r.getString(2), r.getString(3)};
            }
        }
    }
}
