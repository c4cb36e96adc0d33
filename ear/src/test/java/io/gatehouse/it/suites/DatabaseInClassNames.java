package io.gatehouse.it.suites;

import org.junit.jupiter.api.DisplayNameGenerator;

/**
 * Test classes named with the database their suite runs on, "io.gatehouse.it.cognito.SrpIT (PostgreSQL)": both suites
 * run every shared class at once, and failsafe names each report file, and the lines that say which class runs or
 * failed, by these names, so neither suite's report overwrites the other's and a failure says where it happened.
 */
abstract class DatabaseInClassNames extends DisplayNameGenerator.Standard {

    private final String database;

    DatabaseInClassNames(String database) {
        this.database = database;
    }

    @Override
    public String generateDisplayNameForClass(Class<?> testClass) {
        return testClass.getName() + " (" + database + ")";
    }

    /** Named by {@link EmbeddedSuite}'s configuration. */
    public static final class Embedded extends DatabaseInClassNames {
        public Embedded() {
            super("embedded");
        }
    }

    /** Named by {@link PostgresSuite}'s configuration. */
    public static final class Postgres extends DatabaseInClassNames {
        public Postgres() {
            super("PostgreSQL");
        }
    }
}
