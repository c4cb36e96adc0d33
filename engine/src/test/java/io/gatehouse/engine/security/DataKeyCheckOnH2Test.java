package io.gatehouse.engine.security;

import io.gatehouse.engine.persistence.TestDatabases;

import javax.sql.DataSource;

/** {@link DataKeyCheckContract} on the embedded database, as the server configures it. */
class DataKeyCheckOnH2Test extends DataKeyCheckContract {

    @Override
    protected DataSource emptyDatabase() {
        return TestDatabases.h2("key-check");
    }
}
