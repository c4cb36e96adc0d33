package io.gatehouse.engine.security;

import io.gatehouse.engine.persistence.TestDatabases;

import javax.sql.DataSource;

/** {@link ColumnSealerContract} on the embedded database, as the server configures it. */
class ColumnSealerOnH2Test extends ColumnSealerContract {

    @Override
    protected DataSource emptyDatabase() {
        return TestDatabases.h2("seal");
    }
}
