package io.gatehouse.engine.persistence;

import java.sql.SQLException;

/**
 * Recognises a write that a unique index refused: two requests (on one node or two) creating the same thing at once
 * both pass the check for an existing one, and the index is the last word. Callers flush inside their try, so that
 * the refusal reaches them as their protocol's conflict error, not a 500 at commit.
 */
public final class UniqueViolation {

    private UniqueViolation() {
    }

    /** Whether {@code failure} or one of its causes is SQLSTATE 23505, on H2 as on PostgreSQL. */
    public static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
