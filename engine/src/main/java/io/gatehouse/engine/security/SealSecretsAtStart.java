package io.gatehouse.engine.security;

import io.gatehouse.engine.persistence.DatabaseMigrations;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Seals the database's secrets (every {@link SealedColumn}: signing keys, client secrets, stored admin secrets, SAML
 * keys, upload tokens) with the current data key at start, after the migrations and before anything reads them; what
 * reads them afterwards takes sealed values only. {@code POST /admin/data-key/reseal} does the same while the server
 * runs ({@link io.gatehouse.engine.security.reseal.DataKeyReseal}).
 *
 * <p>A start-up step rather than a Flyway Java migration: the data key is a CDI bean, made from MicroProfile Config
 * or the key file, which Flyway (which makes its migrations itself, and also runs where there is no key) cannot
 * reach; and sealing must happen again on any start after the data key changed (its values sealed with the
 * previous key are re-sealed), where a versioned migration runs once. It is idempotent ({@link ColumnSealer}), so
 * nodes starting together or again do no harm; an unreadable value stops the start, for the operator to see.
 */
@ApplicationScoped
public class SealSecretsAtStart {

    /** Observer priority: after the migrations, before the admin credentials and the API. */
    public static final int PRIORITY = DatabaseMigrations.PRIORITY + 50;

    private static final Logger LOG = Logger.getLogger(SealSecretsAtStart.class.getName());

    @Resource(lookup = "jdbc/gatehouse")
    DataSource dataSource;

    @Inject
    DataKey dataKey;

    void onStart(@Observes @Priority(PRIORITY) @Initialized(ApplicationScoped.class) Object event) {
        ColumnSealer sealer = new ColumnSealer(dataSource, dataKey);
        for (SealedColumn column : SealedColumn.ALL) {
            try {
                int changed = sealer.seal(column);
                if (changed > 0) {
                    LOG.info(() -> "Sealed " + changed + " value(s) of " + column.name() + " with data key "
                            + dataKey.keyId());
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot seal " + column.name() + " with the data key", e);
            }
        }
    }
}
