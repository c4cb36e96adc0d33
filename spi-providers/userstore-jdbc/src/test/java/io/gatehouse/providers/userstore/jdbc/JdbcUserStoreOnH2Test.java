package io.gatehouse.providers.userstore.jdbc;

import io.gatehouse.api.testing.UserStoreContract;
import io.gatehouse.api.userstore.UserStore;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;

/** The user-store contract on the embedded database, in the mode the server runs it. */
class JdbcUserStoreOnH2Test extends UserStoreContract {

    private static TestDatabase database;

    @BeforeAll
    static void database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:userstore;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;"
                + "DB_CLOSE_DELAY=-1");
        database = new TestDatabase(h2);
    }

    @Override
    protected UserStore newPool(boolean caseSensitiveUsernames) {
        return new JdbcUserStoreFactory().create(database.newPool(caseSensitiveUsernames));
    }
}
