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

/** Readiness is DOWN while the database does not answer. */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "jdbc/gatehouse")
    DataSource dataSource;

    @Inject
    DatabaseMigrations migrations;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            return HealthCheckResponse.named("gatehouse-database")
                    .status(connection.isValid(TIMEOUT_SECONDS))
                    .withData("product", connection.getMetaData().getDatabaseProductName())
                    .withData("schemaVersion", migrations.schemaVersion())
                    .build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("gatehouse-database").down()
                    .withData("error", e.getClass().getSimpleName() + " (SQLState " + e.getSQLState() + ")")
                    .build();
        }
    }
}
