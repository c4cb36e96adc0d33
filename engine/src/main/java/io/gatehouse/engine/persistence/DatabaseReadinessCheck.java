package io.gatehouse.engine.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Readiness is DOWN while the database does not answer a short query within {@value #TIMEOUT_SECONDS} seconds. It
 * shows the database's product, the schema's version and how long the query took (taking a pooled connection
 * included), so an operator sees a slow database before it is a down one. A failure names the exception's class and
 * SQLState, never its message, which can quote the JDBC URL.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    static final String NAME = "gatehouse-database";
    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "jdbc/gatehouse")
    DataSource dataSource;

    @Inject
    DatabaseMigrations migrations;

    @Override
    public HealthCheckResponse call() {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(TIMEOUT_SECONDS);
            statement.execute("select 1");
            long micros = (System.nanoTime() - started) / 1_000;
            return HealthCheckResponse.named(NAME).up()
                    .withData("product", connection.getMetaData().getDatabaseProductName())
                    .withData("schemaVersion", migrations.schemaVersion())
                    .withData("queryMillis", String.format(java.util.Locale.ROOT, "%.3f", micros / 1000.0))
                    .build();
        } catch (SQLException e) {
            return HealthCheckResponse.named(NAME).down()
                    .withData("error", e.getClass().getSimpleName() + " (SQLState " + e.getSQLState() + ")")
                    .withData("afterMillis", (System.nanoTime() - started) / 1_000_000)
                    .build();
        }
    }
}
