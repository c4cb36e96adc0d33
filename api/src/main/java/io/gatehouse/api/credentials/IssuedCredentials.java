package io.gatehouse.api.credentials;

import java.time.Instant;
import java.util.Objects;

/**
 * Temporary credentials in AWS's form (GetCredentialsForIdentity's {@code Credentials}).
 *
 * @param accessKeyId     the access key id ({@code ASIA...} for AWS's temporary keys)
 * @param secretAccessKey the secret key; never logged
 * @param sessionToken    the session token, sent with every request signed with the key; never logged
 * @param expiration      when they stop working
 */
public record IssuedCredentials(String accessKeyId, String secretAccessKey, String sessionToken,
                                Instant expiration) {

    public IssuedCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(sessionToken, "sessionToken");
        Objects.requireNonNull(expiration, "expiration");
    }

    /** Only the key id and the expiry: the rest are secrets. */
    @Override
    public String toString() {
        return "IssuedCredentials[accessKeyId=" + accessKeyId + ", expiration=" + expiration + "]";
    }
}
