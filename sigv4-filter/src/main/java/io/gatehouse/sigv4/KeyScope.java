package io.gatehouse.sigv4;

/**
 * Which signing key a request needs: its credentials (key id and session token) and its scope.
 *
 * @param accessKeyId  the credentials' access key id
 * @param sessionToken the session token the request carried
 * @param date         the scope's day, {@code yyyyMMdd}
 * @param region       the scope's region
 * @param service      the scope's service
 */
public record KeyScope(String accessKeyId, String sessionToken, String date, String region, String service) {

    /** Without the session token, which is a credential. */
    @Override
    public String toString() {
        return "KeyScope[" + accessKeyId + "/" + date + "/" + region + "/" + service + "]";
    }
}
