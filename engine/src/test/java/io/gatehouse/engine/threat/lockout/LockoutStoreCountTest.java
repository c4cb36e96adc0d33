package io.gatehouse.engine.threat.lockout;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LockoutStoreCountTest {

    @Test
    void anExistingRowIsUpdatedOnly() {
        List<String> steps = new ArrayList<>();
        LockoutStore.count(() -> steps.add("update"), () -> steps.add("insert"));
        assertEquals(List.of("update"), steps);
    }

    @Test
    void aFirstFailureIsInserted() {
        List<String> steps = new ArrayList<>();
        LockoutStore.count(() -> !steps.add("update"), () -> steps.add("insert"));
        assertEquals(List.of("update", "insert"), steps);
    }

    @Test
    void anInsertThatLosesTheRaceUpdatesTheWinnersRow() {
        List<String> steps = new ArrayList<>();
        LockoutStore.count(() -> steps.add("update") && steps.size() > 1, () -> {
            steps.add("insert");
            throw new IllegalStateException("duplicate key");
        });
        assertEquals(List.of("update", "insert", "update"), steps);
    }
}
