package io.gatehouse.engine.threat;

/**
 * Where a request came from, as far as the server can tell: the client's address (the peer's, or the one a trusted
 * proxy forwarded) and its {@code User-Agent}. What brute-force limits count per source and what adaptive
 * authentication compares with a user's history.
 *
 * @param address   the client's IP address as text, or {@link #UNKNOWN_ADDRESS} outside a request
 * @param userAgent the {@code User-Agent} header, or an empty string
 */
public record ClientOrigin(String address, String userAgent) {

    public static final String UNKNOWN_ADDRESS = "unknown";

    /** The origin of work done outside any request (an import job, a scheduled task). */
    public static final ClientOrigin NONE = new ClientOrigin(UNKNOWN_ADDRESS, "");

    public ClientOrigin {
        address = address == null || address.isBlank() ? UNKNOWN_ADDRESS : address;
        userAgent = userAgent == null ? "" : userAgent;
    }

    /** Whether the address is a real one (not {@link #UNKNOWN_ADDRESS}). */
    public boolean known() {
        return !UNKNOWN_ADDRESS.equals(address);
    }
}
