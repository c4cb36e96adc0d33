package io.gatehouse.it.fuzz;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Watches the database across a fuzz loop for a refused call that wrote anyway: the row counts before each call
 * ({@link #reset} where the suite itself changed them), the tables a 4xx answer changed beyond what refusals may
 * change ({@link RowCounts#unexpected}), and how many refusals were checked.
 */
final class WriteWatch implements AutoCloseable {

    private final RowCounts rows;
    private Map<String, Long> before;
    private long refusedChecked;

    private WriteWatch(RowCounts rows) throws SQLException {
        this.rows = rows;
        this.before = rows.now();
    }

    static WriteWatch open() throws SQLException {
        return new WriteWatch(RowCounts.open());
    }

    /** Takes the counts anew: the suite changed the database itself (a heal, a fetched CSRF token, a lost call). */
    void reset() throws SQLException {
        before = rows.now();
    }

    /**
     * After an answer with {@code status}: the unexpected changes if it was a refusal (4xx), else none; the counts
     * then become the next call's "before".
     */
    List<String> afterAnswer(int status) throws SQLException {
        Map<String, Long> after = rows.now();
        List<String> changed = List.of();
        if (rows.available() && status >= 400 && status < 500) {
            refusedChecked++;
            changed = RowCounts.unexpected(before, after);
        }
        before = after;
        return changed;
    }

    /** The closing figure: how many refusals were checked, or why none were. */
    String summary() {
        return "refused calls checked for writes: " + (rows.available() ? String.valueOf(refusedChecked)
                : "none (the embedded database is locked by the server; the PostgreSQL suite checks)");
    }

    @Override
    public void close() throws SQLException {
        rows.close();
    }
}
