package io.gatehouse.engine.persistence;

import org.junit.jupiter.api.BeforeEach;

import javax.sql.DataSource;

/**
 * A contract run against a real database with the real migrations applied, once per database the server supports:
 * a subclass per database gives {@link #emptyDatabase} ({@link TestDatabases}).
 */
public abstract class MigratedDatabaseContract {

    /** The migrated database of the test that runs. */
    protected DataSource db;

    /** An empty database, each time a new one. */
    protected abstract DataSource emptyDatabase() throws Exception;

    @BeforeEach
    void migrated() throws Exception {
        db = emptyDatabase();
        DatabaseMigrations.migrate(db, getClass().getClassLoader());
    }
}
