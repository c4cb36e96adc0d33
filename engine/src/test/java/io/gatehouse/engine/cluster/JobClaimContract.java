package io.gatehouse.engine.cluster;

import io.gatehouse.engine.persistence.MigratedDatabaseContract;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claims on cluster jobs on a real database with the real migrations, nodes standing for themselves as connections
 * of their own: one claim wins per interval, whoever asks and however many ask at once.
 */
abstract class JobClaimContract extends MigratedDatabaseContract {


    @Test
    void claimWhenFirstThenTakenAndNotAgainWithinTheIntervalOnAnyNode() throws Exception {
        ClusterJob purge = ClusterJob.REFRESH_TOKEN_PURGE;
        assertThat(claim(purge, 1_000_000, "node-a")).isTrue();
        assertThat(claim(purge, 1_000_000, "node-a")).isFalse();
        assertThat(claim(purge, 1_000_000 + 59_999, "node-b")).isFalse();

        assertThat(claim(purge, 1_000_000 + 60_000, "node-b")).isTrue();
        assertThat(lastRun(purge.rowName())).isEqualTo(1_060_000L);
        assertThat(node(purge.rowName())).isEqualTo("node-b");
    }

    @Test
    void claimWhenJobsDifferThenEachHasItsOwnInterval() throws Exception {
        assertThat(claim(ClusterJob.REFRESH_TOKEN_PURGE, 100_000, "node-a")).isTrue();
        assertThat(claim(ClusterJob.AUTH_SESSION_PURGE, 100_000, "node-a")).isTrue();
        assertThat(claim(ClusterJob.REFRESH_TOKEN_PURGE, 101_000, "node-b")).isFalse();
    }

    @Test
    void claimWhenManyNodesAskAtOnceThenOneWinsEachInterval() throws Exception {
        int nodes = 6;
        int intervals = 40;
        CyclicBarrier together = new CyclicBarrier(nodes);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<Integer>> wins = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                String node = "node-" + n;
                wins.add(pool.submit(() -> {
                    int won = 0;
                    try (Connection connection = db.getConnection()) {
                        connection.setAutoCommit(false);
                        for (int i = 1; i <= intervals; i++) {
                            together.await();
                            if (JobClaim.claim(connection, ClusterJob.IMPORT_WATCH, i * 60_000L, node)) {
                                won++;
                            }
                            connection.commit();
                        }
                    }
                    return won;
                }));
            }
            int total = 0;
            for (Future<Integer> won : wins) {
                total += won.get();
            }
            assertThat(total).isEqualTo(intervals);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void migrationsWhenAppliedThenEveryJobHasItsRowAndSoDoesTheAdminBootstrapLock() throws Exception {
        for (ClusterJob job : ClusterJob.values()) {
            assertThat(lastRun(job.rowName())).as(job.name()).isZero();
        }
        assertThat(lastRun("admin-bootstrap")).isZero();
    }

    private boolean claim(ClusterJob job, long now, String node) throws SQLException {
        try (Connection connection = db.getConnection()) {
            return JobClaim.claim(connection, job, now, node);
        }
    }

    private long lastRun(String job) throws SQLException {
        return Long.parseLong(column("last_run_at", job));
    }

    private String node(String job) throws SQLException {
        return column("node", job);
    }

    private String column(String column, String job) throws SQLException {
        try (Connection connection = db.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT " + column + " FROM cluster_job WHERE name = ?")) {
            select.setString(1, job);
            try (ResultSet result = select.executeQuery()) {
                assertThat(result.next()).as("a row for " + job).isTrue();
                return result.getString(1);
            }
        }
    }
}
