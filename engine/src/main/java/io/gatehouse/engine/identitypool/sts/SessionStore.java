package io.gatehouse.engine.identitypool.sts;

/** Where local-sts keeps the sessions it issues, and how it knows their secrets ({@link StsSessions} in the server). */
public interface SessionStore {

    /** Stores a session whose token is {@code sessionToken}. */
    void add(String accessKeyId, String sessionToken, StsSession session);

    /** The secret access key of a key id issued here. */
    String secretFor(String accessKeyId);
}
