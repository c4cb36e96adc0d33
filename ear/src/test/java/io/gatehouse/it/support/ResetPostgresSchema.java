package io.gatehouse.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Gives the PostgreSQL test server an empty schema before it starts, so every build runs the migrations from
 * the first and the suite sees no rows of an earlier run. Run by the build (exec:java) before that server starts;
 * if PostgreSQL cannot be reached this fails the build, which is the point: the PostgreSQL suite is never
 * skipped by accident.
 *
 * <p>Arguments: JDBC URL of the database, user, schema name.
 */
public final class ResetPostgresSchema {

    private ResetPostgresSchema() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length != 3 || !args[2].matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("usage: ResetPostgresSchema <jdbc-url> <user> <schema>");
        }
        try (Connection connection = DriverManager.getConnection(args[0], args[1], "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + args[2] + " CASCADE");
            statement.execute("CREATE SCHEMA " + args[2]);
        }
        System.out.println("PostgreSQL schema " + args[2] + " is empty and ready");
    }
}
