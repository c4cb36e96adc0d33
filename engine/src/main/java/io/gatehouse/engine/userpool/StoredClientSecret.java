package io.gatehouse.engine.userpool;

import io.gatehouse.engine.security.SealedColumn;

/**
 * One of an app client's secrets as its row keeps it.
 *
 * @param slot      the column that holds it, which is also what it is sealed for
 * @param id        its ClientSecretId
 * @param sealed    the secret, sealed with the data key
 * @param createdAt when it was made, epoch milliseconds
 */
record StoredClientSecret(SealedColumn slot, String id, String sealed, long createdAt) {

    /**
     * A ClientSecretId: {@code <client id>--<epoch time of its creation>}, as Cognito documents it (in milliseconds
     * here, so that two secrets made in one second still differ).
     */
    static String id(String clientId, long createdAt) {
        return clientId + "--" + createdAt;
    }

    /** Never shows the sealed value. */
    @Override
    public String toString() {
        return "StoredClientSecret[" + id + "]";
    }
}
