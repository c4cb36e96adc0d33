package io.gatehouse.bench;

import io.gatehouse.bench.ScalingBenchmark.Query;
import io.gatehouse.bench.ScalingBenchmark.Snapshot;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScalingBenchmarkTest {

    @Test
    void whatTheIdleServerDidInAsMuchTimeIsTakenOut() {
        Snapshot idle = new Snapshot();
        idle.seconds = 30;
        idle.walBytes = 300;
        idle.queries.put("SELECT id FROM user_pool WHERE id = $1", new Query(30, 30, 3));
        idle.database.put("xact_commit", 60.0);
        Snapshot load = new Snapshot();
        load.seconds = 15;
        load.walBytes = 10_150;
        load.queries.put("SELECT id FROM user_pool WHERE id = $1", new Query(2015, 2015, 21.5));
        load.queries.put("INSERT INTO refresh_token VALUES ($1)", new Query(1000, 1000, 5));
        load.database.put("xact_commit", 3030.0);

        Snapshot requests = load.less(idle);

        assertEquals(2000, requests.queries.get("SELECT id FROM user_pool WHERE id = $1").calls(), 1e-9);
        assertEquals(20, requests.queries.get("SELECT id FROM user_pool WHERE id = $1").ms(), 1e-9);
        assertEquals(3000, requests.statements(), 1e-9);
        assertEquals(10_000, requests.walBytes, 1e-9);
        assertEquals(3000, requests.database.get("xact_commit"), 1e-9);
    }

    @Test
    void statementsAreCountedByKindWithLockingReadsApart() {
        Snapshot counters = new Snapshot();
        counters.queries.put("SELECT session_hash FROM auth_session WHERE session_hash = $1 FOR UPDATE",
                new Query(2, 2, 0));
        counters.queries.put("select sub from pool_user", new Query(3, 3, 0));
        counters.queries.put("INSERT INTO auth_event (id) VALUES ($1)", new Query(1, 1, 0));

        assertEquals(Map.of("select for update", 2.0, "select", 3.0, "insert", 1.0), counters.byKind());
    }
}
