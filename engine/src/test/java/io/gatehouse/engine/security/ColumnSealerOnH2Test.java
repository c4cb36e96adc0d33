package io.gatehouse.engine.security;

import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.util.UUID;

/** {@link ColumnSealerContract} on the embedded database, as the server configures it. */
class ColumnSealerOnH2Test extends ColumnSealerContract {

    @Override
    protected DataSource emptyDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:seal-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        return h2;
    }
}
