package io.gatehouse.api.userstore;

/** Checks a user's password. */
public interface CredentialValidator {

    /** The outcome of a check. */
    enum Outcome {
        /** The password is the user's. */
        VALID,
        /** The password is not the user's. */
        INVALID,
        /** This store holds no password for the user (a federated user, say); another mechanism must decide. */
        NOT_APPLICABLE
    }

    /**
     * Checks {@code credential} against the stored password of {@code user}, in time that does not depend on
     * how much of the password matched.
     *
     * @param user       a user this store returned
     * @param credential what the user presented
     * @return the outcome; never null
     */
    Outcome validate(UserRecord user, PasswordCredential credential);

    /**
     * Does the work of a check for a user who does not exist, and discards it, so that a wrong user name takes as
     * long to refuse as a wrong password and response times do not tell which user names exist. Stores whose
     * checks are not slow enough to tell apart may keep this default, which does nothing.
     *
     * @param credential what the caller presented
     */
    default void simulate(PasswordCredential credential) {
    }
}
