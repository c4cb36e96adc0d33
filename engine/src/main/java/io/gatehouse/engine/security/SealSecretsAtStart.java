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
import java.util.function.BiConsumer;
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
 * nodes starting together or again do no harm; an unreadable value stops the start, for the operator to see. Before
 * and after, {@link DataKeyCheck} stops a node whose data key is not the one the database's secrets are sealed with.
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
        sealAll(dataSource, dataKey, (column, changed) -> LOG.info(() -> "Sealed " + changed + " value(s) of "
                + column.name() + " with data key " + dataKey.keyId()));
    }

    /**
     * A start's sealing: the data key checked against the database's, every column sealed with it (each column
     * that changed is reported), the check recorded if it was the database's first.
     *
     * @throws DataKeyCheck.DataKeyMismatchException when the data key is not the database's: found before sealing,
     *                                               or while sealing when another node first started meanwhile
     * @throws SealedValueException                  when a value does not open otherwise (altered, or moved)
     */
    static void sealAll(DataSource dataSource, DataKey dataKey, BiConsumer<SealedColumn, Integer> sealed) {
        try {
            DataKeyCheck.verify(dataSource, dataKey);
            ColumnSealer sealer = new ColumnSealer(dataSource, dataKey);
            for (SealedColumn column : SealedColumn.ALL) {
                int changed;
                try {
                    changed = sealer.seal(column);
                } catch (SealedValueException e) {
                    // Another node with another key may have made the database its own since the check above: say
                    // so, rather than name the value.
                    DataKeyCheck.verify(dataSource, dataKey);
                    throw e;
                }
                if (changed > 0) {
                    sealed.accept(column, changed);
                }
            }
            DataKeyCheck.record(dataSource, dataKey);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seal the database's secrets with the data key", e);
        }
    }
}
