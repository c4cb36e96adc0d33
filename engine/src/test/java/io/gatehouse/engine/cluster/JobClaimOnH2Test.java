package io.gatehouse.engine.cluster;

import io.gatehouse.engine.persistence.TestDatabases;

import javax.sql.DataSource;

/** {@link JobClaimContract} on the embedded database, as the server configures it. */
class JobClaimOnH2Test extends JobClaimContract {

    @Override
    protected DataSource emptyDatabase() {
        return TestDatabases.h2("claims");
    }
}
