package io.gatehouse.providers.password.hibp;

import io.gatehouse.api.password.BreachedPasswordCheck;
import io.gatehouse.api.password.BreachedPasswordCheckFactory;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.api.provider.ProviderInitializationException;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The {@code hibp} breached-password source: Have I Been Pwned's Pwned Passwords range API, or any server that
 * speaks its k-anonymity form ({@code GET {base}/range/{first 5 hex digits of SHA-1}}). Options, under
 * {@code gatehouse.spi.breached-password.hibp.}:
 * <ul>
 *   <li>{@code base-url}: the API's base, default {@value #DEFAULT_BASE}; https, or http on a loopback address</li>
 *   <li>{@code timeout-ms}: how long one question may take, connection included, default 2000</li>
 *   <li>{@code min-occurrences}: how often a password must have been seen to count, default 1</li>
 * </ul>
 * When the API cannot answer, the check says so (UNAVAILABLE) and the server decides: a new password passes, or is
 * refused where {@code gatehouse.compromised-credentials.when-unavailable=block}; a sign-in is never refused for it.
 */
public final class HibpRangeCheckFactory implements BreachedPasswordCheckFactory {

    static final String DEFAULT_BASE = "https://api.pwnedpasswords.com";

    private volatile HibpRangeClient client;

    @Override
    public String id() {
        return "hibp";
    }

    @Override
    public void init(ProviderConfig config) throws ProviderInitializationException {
        URI base = base(config.get("base-url", DEFAULT_BASE));
        int timeout = config.getInt("timeout-ms", 2000);
        if (timeout < 50 || timeout > 60_000) {
            throw new ProviderInitializationException("option 'timeout-ms' must be between 50 and 60000");
        }
        if (config.get("when-unavailable", null) != null) {
            // Answering BREACHED for an outage would send every user who signs in meanwhile to reset a password.
            throw new ProviderInitializationException("option 'when-unavailable' is the server's setting now: "
                    + "gatehouse.compromised-credentials.when-unavailable (it refuses new passwords only)");
        }
        int minimum = config.getInt("min-occurrences", 1);
        if (minimum < 1) {
            throw new ProviderInitializationException("option 'min-occurrences' must be 1 or more");
        }
        Duration limit = Duration.ofMillis(timeout);
        HttpClient http = HttpClient.newBuilder().connectTimeout(limit)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        client = new HibpRangeClient(http, base, limit, minimum);
    }

    private static URI base(String value) throws ProviderInitializationException {
        URI uri;
        try {
            uri = URI.create(value.trim().replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            throw new ProviderInitializationException("option 'base-url' is not a URL: " + value);
        }
        String host = uri.getHost();
        boolean loopback = host != null && (host.equals("localhost") || host.equals("127.0.0.1")
                || host.equals("[::1]") || host.equals("::1"));
        if (host == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()) && loopback)) {
            throw new ProviderInitializationException("option 'base-url' must be an https URL (http only on a"
                    + " loopback address), not " + value);
        }
        return uri;
    }

    @Override
    public BreachedPasswordCheck create(ProviderContext context) {
        HibpRangeClient ready = client;
        if (ready == null) {
            throw new IllegalStateException("init was not called");
        }
        return ready::check;
    }

    @Override
    public void close() {
        HibpRangeClient ready = client;
        if (ready != null) {
            ready.close();
        }
    }
}
