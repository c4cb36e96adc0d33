package io.gatehouse.engine.federation;

import io.gatehouse.engine.security.DataKey;
import io.gatehouse.engine.security.SealSecretsAtStart;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Brings the IdPs' sealed details to the current data key at start, as {@link SealSecretsAtStart} does for the
 * columns that hold one sealed value each: after the data key is rotated, the values sealed with the previous key
 * are sealed again, so the previous key can be retired. Plain JDBC on the schema Flyway made; each row in a
 * transaction of its own that locks it and reads it again before writing, so nodes starting together do no harm.
 */
@ApplicationScoped
public class ResealIdentityProviderDetails {

    private static final Logger LOG = Logger.getLogger(ResealIdentityProviderDetails.class.getName());

    @Resource(lookup = "jdbc/gatehouse")
    DataSource dataSource;

    @Inject
    DataKey dataKey;

    void onStart(@Observes @Priority(SealSecretsAtStart.PRIORITY + 1) @Initialized(ApplicationScoped.class)
                 Object event) {
        int count = resealAll();
        if (count > 0) {
            LOG.info(() -> "Sealed the details of " + count + " identity provider(s) with data key "
                    + dataKey.keyId());
        }
    }

    /**
     * Re-seals, IdP by IdP, the details that hold a value not sealed with the current key: at start, and online
     * when an administrator asks ({@code POST /admin/data-key/reseal}).
     *
     * @return how many IdPs' details this call changed
     */
    public int resealAll() {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            try {
                int changed = 0;
                for (String[] row : rows(connection)) {
                    if (reseal(connection, row[0], row[1])) {
                        changed++;
                    }
                }
                return changed;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seal identity_provider.details with the data key", e);
        }
    }

    /** How many IdPs' details hold a value sealed with another key than the current one. */
    public int remaining() {
        int stale = 0;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT details FROM identity_provider");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                if (StoredDetails.hasValueNotSealedWith(result.getString(1), dataKey::sealedWithCurrentKey)) {
                    stale++;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read identity_provider.details", e);
        }
        return stale;
    }

    /** Every IdP, by pool and name; few enough per server to read the names at once. */
    private static List<String[]> rows(Connection connection) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT user_pool_id, provider_name FROM identity_provider");
             ResultSet result = select.executeQuery()) {
            while (result.next()) {
                rows.add(new String[] {result.getString(1), result.getString(2)});
            }
        }
        return rows;
    }

    private boolean reseal(Connection connection, String userPoolId, String providerName) throws SQLException {
        connection.setAutoCommit(false);
        try {
            Optional<String> resealed = Optional.empty();
            try (PreparedStatement lock = connection.prepareStatement("SELECT details FROM identity_provider"
                    + " WHERE user_pool_id = ? AND provider_name = ? FOR UPDATE")) {
                lock.setString(1, userPoolId);
                lock.setString(2, providerName);
                try (ResultSet result = lock.executeQuery()) {
                    if (result.next()) {
                        resealed = StoredDetails.resealed(userPoolId, providerName, result.getString(1),
                                dataKey::sealedWithCurrentKey, dataKey::reseal);
                    }
                }
            }
            if (resealed.isPresent()) {
                try (PreparedStatement update = connection.prepareStatement("UPDATE identity_provider"
                        + " SET details = ? WHERE user_pool_id = ? AND provider_name = ?")) {
                    update.setString(1, resealed.get());
                    update.setString(2, userPoolId);
                    update.setString(3, providerName);
                    update.executeUpdate();
                }
            }
            connection.commit();
            return resealed.isPresent();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }
}
