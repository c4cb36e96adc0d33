package io.gatehouse.engine.security;

import io.gatehouse.engine.persistence.MigratedDatabaseContract;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.gatehouse.engine.security.DataKeyTest.bytes;
import static io.gatehouse.engine.security.DataKeyTest.configured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Nodes starting on one database, each with its data key, through {@link SealSecretsAtStart#sealAll}: check, seal,
 * record. One with another key than the database's is refused, before and after the other's first start.
 */
abstract class DataKeyCheckContract extends MigratedDatabaseContract {


    private void start(DataKey key) {
        SealSecretsAtStart.sealAll(db, key, (column, changed) -> { });
    }

    @Test
    void startWhenEveryNodeHasTheSameKeyThenEachStartsAgainAndAgain() throws Exception {
        start(configured(bytes(1)));
        start(configured(bytes(1)));
        start(configured(bytes(1)));

        assertThat(probe()).startsWith(SealedText.prefix(configured(bytes(1)).keyId()));
    }

    @Test
    void startWhenAnotherKeyThanTheDatabasesThenRefusedWithBothIdsAndWhatToSet() throws Exception {
        DataKey first = configured(bytes(1));
        DataKey other = configured(bytes(2));
        start(first);
        String before = probe();

        assertThatThrownBy(() -> start(other)).isInstanceOf(DataKeyCheck.DataKeyMismatchException.class)
                .hasMessageContaining(other.keyId()).hasMessageContaining(first.keyId())
                .hasMessageContaining("GATEHOUSE_DATA_KEY").hasMessageNotContaining(java.util.Base64.getEncoder()
                        .encodeToString(bytes(2)));
        assertThat(probe()).isEqualTo(before);
    }

    @Test
    void startWhenRotatedWithThePreviousKeyKnownThenTheProbeNamesTheNewKeyAndTheOldKeyAloneIsRefused()
            throws Exception {
        DataKey old = configured(bytes(1));
        DataKey rotated = configured(bytes(2), bytes(1));
        start(old);

        start(rotated);

        assertThat(probe()).startsWith(SealedText.prefix(rotated.keyId()));
        assertThatThrownBy(() -> start(old)).isInstanceOf(DataKeyCheck.DataKeyMismatchException.class);
        // A node given the new key as a previous one (the first step of a rolling rotation) still starts.
        start(configured(bytes(1), bytes(2)));
    }

    @Test
    void startWhenTwoNodesWithDifferentKeysFirstStartTogetherThenOneStartsAndTheOtherIsRefused() throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> started = new ArrayList<>();
            for (int fill = 1; fill <= 2; fill++) {
                DataKey key = configured(bytes(fill));
                started.add(pool.submit(() -> {
                    together.await();
                    try {
                        start(key);
                        return true;
                    } catch (DataKeyCheck.DataKeyMismatchException e) {
                        return false;
                    }
                }));
            }
            int up = 0;
            for (Future<Boolean> node : started) {
                up += node.get() ? 1 : 0;
            }
            assertThat(up).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private String probe() throws SQLException {
        try (Connection connection = db.getConnection(); Statement select = connection.createStatement();
             ResultSet result = select.executeQuery("SELECT probe FROM data_key_check")) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }
}
