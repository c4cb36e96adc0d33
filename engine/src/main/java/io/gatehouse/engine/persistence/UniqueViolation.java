package io.gatehouse.engine.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Recognises a write that a unique index refused: two requests (on one node or two) creating the same thing at once
 * both pass the check for an existing one, and the index is the last word. Callers flush inside their try, so that
 * the refusal reaches them as their protocol's conflict error, not a 500 at commit.
 */
public final class UniqueViolation {

    private UniqueViolation() {
    }

    /**
     * Writes what {@code em} holds now rather than at commit, and turns a unique index's refusal into
     * {@code conflict}; any other failure propagates as it is.
     */
    public static void flushOr(EntityManager em, Supplier<? extends RuntimeException> conflict) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (causes(e)) {
                throw conflict.get();
            }
            throw e;
        }
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
