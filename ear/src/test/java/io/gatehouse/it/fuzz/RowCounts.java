package io.gatehouse.it.fuzz;

import io.gatehouse.it.Gatehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The number of rows in every table of the server's database, read as a second client would, to see that a refused
 * call wrote nothing. Only the PostgreSQL suite can: the embedded server holds its H2 file locked, so there this is
 * {@link #unavailable()} and the suite says so.
 */
final class RowCounts implements AutoCloseable {

    private static final Set<String> SPENT_BY_REFUSALS = Set.of("auth_session", "authorization_code",
            "refresh_token", "verification_code", "hosted_session", "federated_replay", "user_lockout",
            "address_throttle", "auth_event");
    /** Brute-force protection's counters and the auth events record failures: that is their point. */
    private static final Set<String> COUNTED_BY_REFUSALS = Set.of("verification_code", "user_lockout",
            "address_throttle", "auth_event");

    private final Connection db;
    private final String query;

    private RowCounts(Connection db, String query) {
        this.db = db;
        this.query = query;
    }

    static RowCounts open() throws SQLException {
        if (!Gatehouse.onPostgres()) {
            return new RowCounts(null, null);
        }
        Connection db = Gatehouse.database();
        List<String> tables = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rows = s.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                        + " AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'"
                        + " ORDER BY table_name")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("no tables in the server's schema: is the JDBC URL the server's?");
        }
        List<String> counts = tables.stream()
                .map(t -> "SELECT '" + t + "', count(*) FROM \"" + t + "\"").toList();
        return new RowCounts(db, String.join(" UNION ALL ", counts));
    }

    boolean available() {
        return db != null;
    }

    /** Rows per table now; empty when {@link #available()} is false. */
    Map<String, Long> now() throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        if (db == null) {
            return out;
        }
        try (Statement s = db.createStatement(); ResultSet rows = s.executeQuery(query)) {
            while (rows.next()) {
                out.put(rows.getString(1), rows.getLong(2));
            }
        }
        return out;
    }

    /**
     * The tables whose counts a refused call changed where it should not have, as "table before→after". Some
     * refusals write by design, and those tables are let through in that one direction: a refusal may shrink
     * {@link #SPENT_BY_REFUSALS} (a wrong answer can end a challenge's session, a code presented wrongly can be burnt,
     * RFC 6749 §4.1.2, a rotated refresh token presented again revokes its sign-in, RFC 9700 §4.14.2, and any call
     * may sweep expired rows of these tables), and may grow {@link #COUNTED_BY_REFUSALS} (a code "issued" to a name
     * that does not exist, so that neither the answer nor its timing tells, and the failures counted against it; a
     * failed guess counted by brute-force protection, a failed sign-in recorded as an auth event).
     */
    static List<String> unexpected(Map<String, Long> before, Map<String, Long> after) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Long> table : after.entrySet()) {
            long was = before.getOrDefault(table.getKey(), 0L);
            boolean spent = table.getValue() < was && SPENT_BY_REFUSALS.contains(table.getKey());
            boolean counted = table.getValue() > was && COUNTED_BY_REFUSALS.contains(table.getKey());
            if (was != table.getValue() && !spent && !counted) {
                out.add(table.getKey() + " " + was + "→" + table.getValue());
            }
        }
        return out;
    }

    @Override
    public void close() throws SQLException {
        if (db != null) {
            db.close();
        }
    }
}
