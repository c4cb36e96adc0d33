package io.gatehouse.engine.security;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.gatehouse.engine.persistence.MigratedDatabaseContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.gatehouse.engine.security.DataKeyTest.bytes;
import static io.gatehouse.engine.security.DataKeyTest.configured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sealing the secrets a database kept in clear before they were sealed, on a real database with the real
 * migrations: what a server does at its first start after the upgrade, and after a data key rotation. Run on the
 * embedded database and on PostgreSQL.
 */
abstract class ColumnSealerContract extends MigratedDatabaseContract {

    private static final String POOL = "us-east-1_Seal12345";
    private static final String CLIENT_SECRET = "clearclientsecretstoredbeforesealing0123456789abcdefghijklmno";
    private static final String ADMIN_SECRET = "clearAdminSecretStoredBeforeSealing01234";

    private RSAKey jwk;

    @BeforeEach
    void databaseWithClearSecrets() throws Exception {
        jwk = new RSAKeyGenerator(2048).keyID("kid-1").generate();
        execute("INSERT INTO user_pool (id, name, settings, created_at, modified_at, version)"
                + " VALUES (?, 'p', '{}', 0, 0, 0)", POOL);
        execute("INSERT INTO key_owner (id) VALUES (?)", POOL);
        execute("INSERT INTO signing_key (kid, owner, purpose, algorithm, private_jwk, created_at,"
                + " activates_at) VALUES ('kid-1', ?, 'ID', 'RS256', ?, 0, 0)", POOL, jwk.toJSONString());
        execute("INSERT INTO user_pool_client (client_id, user_pool_id, client_name, client_secret, settings,"
                + " created_at, modified_at, version) VALUES ('confidential', ?, 'c', ?, '{}', 0, 0, 0)",
                POOL, CLIENT_SECRET);
        execute("INSERT INTO user_pool_client (client_id, user_pool_id, client_name, client_secret, settings,"
                + " created_at, modified_at, version) VALUES ('public', ?, 'c', NULL, '{}', 0, 0, 0)", POOL);
        execute("INSERT INTO admin_credential (access_key_id, secret_access_key, description, created_at)"
                + " VALUES ('GHAKTEST', ?, 'bootstrap', 0)", ADMIN_SECRET);
    }

    private int sealAll(DataKey key) throws SQLException {
        ColumnSealer sealer = new ColumnSealer(db, key);
        int changed = 0;
        for (SealedColumn column : SealedColumn.ALL) {
            changed += sealer.seal(column);
        }
        return changed;
    }

    @Test
    void sealWhenRowsAreClearThenEachIsSealedForItsRowAndASecondRunChangesNothing() throws Exception {
        DataKey key = configured(bytes(1));

        assertThat(sealAll(key)).isEqualTo(3);

        String storedJwk = value("SELECT private_jwk FROM signing_key WHERE kid = 'kid-1'");
        String storedClient = value("SELECT client_secret FROM user_pool_client WHERE client_id = 'confidential'");
        String storedAdmin = value("SELECT secret_access_key FROM admin_credential");
        assertThat(List.of(storedJwk, storedClient, storedAdmin)).allSatisfy(v -> assertThat(v)
                .startsWith("gh1:" + key.keyId() + ":"));
        assertThat(storedJwk).doesNotContain(jwk.getModulus().toString()).doesNotContain("\"d\"");
        assertThat(RSAKey.parse(key.openText(storedJwk, SealedColumn.SIGNING_KEY.context(POOL, "kid-1"))))
                .isEqualTo(jwk);
        assertThat(key.openText(storedClient, SealedColumn.CLIENT_SECRET.context(POOL, "confidential")))
                .isEqualTo(CLIENT_SECRET);
        assertThat(key.openText(storedAdmin, SealedColumn.ADMIN_SECRET.context("GHAKTEST"))).isEqualTo(ADMIN_SECRET);
        assertThat(value("SELECT client_secret FROM user_pool_client WHERE client_id = 'public'"))
                .as("a public client has no secret to seal").isNull();

        assertThat(sealAll(key)).isZero();
        assertThat(value("SELECT client_secret FROM user_pool_client WHERE client_id = 'confidential'"))
                .isEqualTo(storedClient);
    }

    @Test
    void sealWhenDataKeyRotatedThenValuesMoveToTheNewKeyAndTheOldOneIsNoLongerNeeded() throws Exception {
        sealAll(configured(bytes(1)));
        DataKey rotated = configured(bytes(2), bytes(1));

        assertThat(sealAll(rotated)).isEqualTo(3);

        DataKey newOnly = configured(bytes(2));
        String stored = value("SELECT client_secret FROM user_pool_client WHERE client_id = 'confidential'");
        assertThat(newOnly.openText(stored, SealedColumn.CLIENT_SECRET.context(POOL, "confidential")))
                .isEqualTo(CLIENT_SECRET);
        assertThat(sealAll(newOnly)).isZero();
    }

    @Test
    void sealWhenValueWasSealedWithAKeyThisServerLacksThenStartStopsNamingTheRow() throws Exception {
        sealAll(configured(bytes(1)));

        assertThatThrownBy(() -> sealAll(configured(bytes(2)))).isInstanceOf(SealedValueException.class)
                .hasMessageContaining("signing_key.private_jwk of " + POOL + "/kid-1")
                .hasMessageContaining("which this server does not have");
    }

    @Test
    void sealWhenSealedValueWasMovedToAnotherRowThenItDoesNotOpen() throws Exception {
        DataKey key = configured(bytes(1));
        sealAll(key);
        String sealed = value("SELECT client_secret FROM user_pool_client WHERE client_id = 'confidential'");
        execute("UPDATE user_pool_client SET client_secret = ? WHERE client_id = 'public'", sealed);
        String moved = value("SELECT client_secret FROM user_pool_client WHERE client_id = 'public'");

        assertThatThrownBy(() -> key.openText(moved, SealedColumn.CLIENT_SECRET.context(POOL, "public")))
                .isInstanceOf(SealedValueException.class).hasMessageContaining("does not open");
    }

    @Test
    void sealWhenTwoNodesStartAtOnceThenEachValueIsSealedOnce() throws Exception {
        for (int i = 0; i < 40; i++) {
            execute("INSERT INTO user_pool_client (client_id, user_pool_id, client_name, client_secret, settings,"
                    + " created_at, modified_at, version) VALUES (?, ?, 'c', ?, '{}', 0, 0, 0)",
                    "client-" + i, POOL, "secret" + i + CLIENT_SECRET);
        }
        DataKey key = configured(bytes(1));
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                Callable<Integer> start = () -> sealAll(key);
                runs.add(nodes.submit(start));
            }
            int changed = 0;
            for (Future<Integer> run : runs) {
                changed += run.get();
            }
            assertThat(changed).as("43 values, each sealed by one node").isEqualTo(43);
        } finally {
            nodes.shutdown();
        }
        for (int i = 0; i < 40; i++) {
            assertThat(key.openText(value("SELECT client_secret FROM user_pool_client WHERE client_id = 'client-"
                    + i + "'"), SealedColumn.CLIENT_SECRET.context(POOL, "client-" + i)))
                    .isEqualTo("secret" + i + CLIENT_SECRET);
        }
    }

    @Test
    void sealWhenMoreValuesThanABatchAreOnAPreviousKeyThenTwoNodesResealingOnlineMoveEachOnceAndNoneRemain()
            throws Exception {
        int clients = ColumnSealer.BATCH * 2 + 50;
        for (int i = 0; i < clients; i++) {
            execute("INSERT INTO user_pool_client (client_id, user_pool_id, client_name, client_secret,"
                    + " second_client_secret, settings, created_at, modified_at, version)"
                    + " VALUES (?, ?, 'c', ?, ?, '{}', 0, 0, 0)",
                    "many-" + i, POOL, "first" + i + CLIENT_SECRET, "second" + i + CLIENT_SECRET);
        }
        sealAll(configured(bytes(1)));
        DataKey rotated = configured(bytes(2), bytes(1));
        ColumnSealer counter = new ColumnSealer(db, rotated);
        assertThat(counter.remaining(SealedColumn.CLIENT_SECRET)).isEqualTo(clients + 1);
        assertThat(counter.remaining(SealedColumn.SECOND_CLIENT_SECRET)).isEqualTo(clients);

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        int changed = 0;
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                runs.add(nodes.submit(() -> new ColumnSealer(db, rotated).seal(SealedColumn.CLIENT_SECRET)
                        + new ColumnSealer(db, rotated).seal(SealedColumn.SECOND_CLIENT_SECRET)));
            }
            for (Future<Integer> run : runs) {
                changed += run.get();
            }
        } finally {
            nodes.shutdown();
        }

        assertThat(changed).as("each value re-sealed by one of the nodes").isEqualTo(2 * clients + 1);
        assertThat(counter.remaining(SealedColumn.CLIENT_SECRET)).isZero();
        assertThat(counter.remaining(SealedColumn.SECOND_CLIENT_SECRET)).isZero();
        DataKey newOnly = configured(bytes(2));
        for (int i : new int[] {0, ColumnSealer.BATCH, clients - 1}) {
            assertThat(newOnly.openText(value("SELECT second_client_secret FROM user_pool_client WHERE client_id"
                    + " = 'many-" + i + "'"), SealedColumn.SECOND_CLIENT_SECRET.context(POOL, "many-" + i)))
                    .isEqualTo("second" + i + CLIENT_SECRET);
        }
        assertThat(new ColumnSealer(db, newOnly).remaining("user_pool_client", "client_secret")).isZero();
    }

    private void execute(String sql, Object... parameters) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    private String value(String sql) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            assertThat(r.next()).isTrue();
            return r.getString(1);
        }
    }
}
