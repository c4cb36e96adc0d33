package io.gatehouse.api.userstore;

/** Creates and removes users. Runs inside the caller's transaction; a failure leaves nothing behind. */
public interface UserRegistration {

    /**
     * Creates a user with a new {@code sub}.
     *
     * @return the created user
     * @throws UserExistsException when the user name, or a unique alias, is taken
     */
    UserRecord create(NewUser user) throws UserExistsException;

    /**
     * Removes the user with this {@code sub}.
     *
     * @return false when there was no such user
     */
    boolean delete(String sub);

    /** Thrown when a user name or unique alias is already taken in the pool. */
    final class UserExistsException extends Exception {
        private static final long serialVersionUID = 1L;

        /** @param attribute {@code username}, or the alias attribute that clashed */
        public UserExistsException(String attribute) {
            super(attribute);
        }

        /** The attribute that clashed. */
        public String attribute() {
            return getMessage();
        }
    }
}
