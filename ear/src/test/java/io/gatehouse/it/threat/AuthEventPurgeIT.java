package io.gatehouse.it.threat;

import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The retention purge of auth events, which runs in the background once every ten seconds across the cluster: a
 * backlog larger than many batches (as after a long outage, or at a million sign-ins an hour) goes in one run, and
 * events within the retention stay. The events are written straight into the shared database, aged as no sign-in
 * could make them; on PostgreSQL only, since the embedded database takes no second connection while the server
 * holds it.
 */
class AuthEventPurgeIT {

    private static final int EXPIRED = 2_600;
    private static final long DAY = Duration.ofDays(1).toMillis();

    private static CognitoIdentityProviderClient cognito;
    private static String poolId;

    @BeforeAll
    static void pool() {
        assumeTrue(Gatehouse.onPostgres(),
                "the events are written with a second connection, on PostgreSQL only");
        cognito = Gatehouse.adminClient();
        poolId = cognito.createUserPool(r -> r.poolName("auth-event-purge")).userPool().id();
    }

    @AfterAll
    static void close() {
        if (cognito != null) {
            cognito.deleteUserPool(r -> r.userPoolId(poolId));
            cognito.close();
        }
    }

    @Test
    void purgeWhenABacklogOfExpiredEventsThenAllGoInTheBackgroundAndRecentOnesStay() throws Exception {
        long now = System.currentTimeMillis();
        try (Connection db = Gatehouse.database()) {
            db.setAutoCommit(false);
            insert(db, EXPIRED, now - 100 * DAY);
            insert(db, 3, now - 10 * DAY);
            db.commit();
        }

        Instant deadline = Instant.now().plus(Duration.ofSeconds(45));
        while (count(now - 90 * DAY) > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }

        assertThat(count(now - 90 * DAY)).as("events past the 90 days' retention").isZero();
        assertThat(count(now)).as("events within it").isEqualTo(3);
    }

    private static void insert(Connection db, int events, long createdAt) throws Exception {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO auth_event (id, user_pool_id, sub,"
                + " event_type, created_at, response, risk_decision, risk_level, signals, challenges, ip_address,"
                + " network, agent_family, device_name, settled) VALUES (?, ?, 'purge-test-user', 'SignIn', ?,"
                + " 'Pass', 'NoRisk', 'Low', '', '', '192.0.2.1', '192.0.2.0/24', 'test', 'test', TRUE)")) {
            for (int i = 0; i < events; i++) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, poolId);
                insert.setLong(3, createdAt + i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The pool's events created before {@code before}. */
    private static int count(long before) throws Exception {
        try (Connection db = Gatehouse.database(); PreparedStatement select = db.prepareStatement(
                "SELECT count(*) FROM auth_event WHERE user_pool_id = ? AND created_at < ?")) {
            select.setString(1, poolId);
            select.setLong(2, before);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
