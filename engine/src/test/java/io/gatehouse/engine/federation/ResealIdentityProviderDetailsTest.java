package io.gatehouse.engine.federation;

import io.gatehouse.engine.persistence.DatabaseMigrations;
import io.gatehouse.engine.security.DataKey;
import io.gatehouse.engine.security.SealedValueException;
import io.gatehouse.engine.security.TestDataKeys;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The IdPs' sealed details moved to a new data key, at start or online ({@code POST /admin/data-key/reseal}), on the
 * embedded database with the real migrations: counted while on the old key, re-sealed once, then opening with the
 * new key alone.
 */
class ResealIdentityProviderDetailsTest {

    private static final String POOL = "us-east-1_Idp123456";
    private static final Map<String, String> DETAILS = Map.of("client_id", "app-123", "client_secret",
            "idp-secret-value", "authorize_scopes", "openid");

    private JdbcDataSource db;

    @BeforeEach
    void database() throws Exception {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:idp-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        DatabaseMigrations.migrate(db, getClass().getClassLoader());
        execute("INSERT INTO user_pool (id, name, settings, created_at, modified_at, version)"
                + " VALUES (?, 'p', '{}', 0, 0, 0)", POOL);
    }

    private static StoredDetails.Sealer sealer(DataKey key) {
        return new StoredDetails.Sealer() {
            @Override
            public String seal(String plain, String context) {
                return key.sealText(plain, context);
            }

            @Override
            public String open(String sealed, String context) {
                return key.openText(sealed, context);
            }
        };
    }

    private void addIdp(String name, DataKey key) throws SQLException {
        execute("INSERT INTO identity_provider (user_pool_id, provider_name, provider_type, details,"
                + " attribute_mapping, idp_identifiers, created_at, modified_at) VALUES (?, ?, 'OIDC', ?, '{}',"
                + " '[]', 0, 0)", POOL, name, StoredDetails.write(POOL, name, DETAILS, Set.of("client_secret"),
                sealer(key)));
    }

    private static ResealIdentityProviderDetails resealer(JdbcDataSource db, DataKey key) {
        ResealIdentityProviderDetails resealer = new ResealIdentityProviderDetails();
        resealer.dataSource = db;
        resealer.dataKey = key;
        return resealer;
    }

    @Test
    void resealWhenDataKeyRotatedThenEachIdpIsCountedResealedOnceAndOpensWithTheNewKeyAlone() throws Exception {
        DataKey old = TestDataKeys.of(1);
        addIdp("corp", old);
        addIdp("partner", old);
        ResealIdentityProviderDetails rotated = resealer(db, TestDataKeys.of(2, 1));
        assertThat(resealer(db, old).remaining()).as("all on the current key").isZero();

        assertThat(rotated.remaining()).isEqualTo(2);
        assertThat(rotated.resealAll()).isEqualTo(2);
        assertThat(rotated.remaining()).isZero();
        assertThat(rotated.resealAll()).as("idempotent").isZero();

        DataKey newOnly = TestDataKeys.of(2);
        for (String name : new String[] {"corp", "partner"}) {
            String stored = value("SELECT details FROM identity_provider WHERE provider_name = ?", name);
            assertThat(stored).doesNotContain("idp-secret-value");
            assertThat(StoredDetails.read(POOL, name, stored, sealer(newOnly))).isEqualTo(DETAILS);
        }
    }

    @Test
    void resealWhenAValueIsOnAKeyTheServerLacksThenItStopsNamingTheIdp() throws Exception {
        addIdp("corp", TestDataKeys.of(1));

        assertThat(resealer(db, TestDataKeys.of(2)).remaining()).isEqualTo(1);
        assertThatThrownBy(() -> resealer(db, TestDataKeys.of(2)).resealAll())
                .isInstanceOf(SealedValueException.class).hasMessageContaining("corp");
    }

    private void execute(String sql, Object... parameters) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    private String value(String sql, String parameter) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getString(1);
            }
        }
    }
}
