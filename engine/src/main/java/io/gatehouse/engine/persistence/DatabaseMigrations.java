package io.gatehouse.engine.persistence;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.util.logging.Logger;

/**
 * Brings the schema up to date before anything else touches the database. Runs first at application start; a
 * failure stops the application from starting, which is what an operator must see.
 */
@ApplicationScoped
public class DatabaseMigrations {

    /** Observer priority: migrations run before every other start-up step. */
    public static final int PRIORITY = 100;

    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

    @Resource(lookup = "jdbc/gatehouse")
    DataSource dataSource;

    private volatile String schemaVersion = "none";

    void onStart(@Observes @Priority(PRIORITY) @Initialized(ApplicationScoped.class) Object event) {
        MigrateResult result = migrate(dataSource, getClass().getClassLoader());
        schemaVersion = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : String.valueOf(result.initialSchemaVersion);
        LOG.info(() -> "Database " + result.database + " at schema version " + schemaVersion + " ("
                + result.migrationsExecuted + " migrations applied now)");
    }

    /** The schema version after start-up migrations. */
    public String schemaVersion() {
        return schemaVersion;
    }

    /** Applies the migrations on the class path to {@code dataSource}. */
    public static MigrateResult migrate(DataSource dataSource, ClassLoader classLoader) {
        return Flyway.configure(classLoader)
                .dataSource(dataSource)
                // Liberty's class loaders do not list class-path folders: Flyway finds db/migration (and
                // db/callback, which it always scans) through the empty flyway.location file in each, as its
                // documentation says for WebSphere.
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
