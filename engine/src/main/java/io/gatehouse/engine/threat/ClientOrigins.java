package io.gatehouse.engine.threat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The origin of the request being served on this thread, which {@link ClientOriginFilter} sets for every request
 * before anything else runs.
 *
 * <p>{@code X-Forwarded-For} is believed only as far as the proxies named in {@code gatehouse.trusted-proxies}
 * ({@code GATEHOUSE_TRUSTED_PROXIES}: comma-separated addresses or CIDR blocks; none by default): the header is read
 * from its right end, each hop added by a trusted proxy is skipped, and the first address not a trusted proxy is the
 * client. Anyone can send the header, so without the setting, or from a peer that is not a trusted proxy, it is
 * ignored and the peer's address counts; otherwise one client could pose as many, or as someone else, and slip past
 * the per-address limits.
 *
 * <p>A thread local rather than a request-scoped bean: the code that needs the origin also runs where CDI has no
 * request scope (an import job's thread, a trigger's), and there it must get {@link ClientOrigin#NONE}, not an
 * exception.
 */
@ApplicationScoped
public class ClientOrigins {

    private static final ThreadLocal<ClientOrigin> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<Reported> REPORTED = new ThreadLocal<>();

    /**
     * The end user's origin as a call reported it, for a call made on the user's behalf: AdminInitiateAuth's
     * {@code ContextData} from a backend holding the admin credential, or InitiateAuth's {@code UserContextData}
     * from an app.
     *
     * @param origin   the reported origin
     * @param byServer whether a caller with the admin credential reported it (believed as is); an app's report is
     *                 believed only for a client with {@code EnablePropagateAdditionalUserContextData}, as in
     *                 Cognito
     */
    public record Reported(ClientOrigin origin, boolean byServer) {
    }

    private final List<AddressRange> trustedProxies;

    @Inject
    public ClientOrigins(@ConfigProperty(name = "gatehouse.trusted-proxies") Optional<List<String>> trustedProxies) {
        List<AddressRange> ranges = new ArrayList<>();
        for (String proxy : trustedProxies.orElse(List.of())) {
            if (!proxy.isBlank()) {
                try {
                    ranges.add(AddressRange.parse(proxy));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("gatehouse.trusted-proxies: " + e.getMessage(), e);
                }
            }
        }
        this.trustedProxies = List.copyOf(ranges);
    }

    /** For CDI's proxy; never called by the application. */
    protected ClientOrigins() {
        this.trustedProxies = List.of();
    }

    /** The origin of the request on this thread, or {@link ClientOrigin#NONE} outside a request. */
    public ClientOrigin current() {
        ClientOrigin origin = CURRENT.get();
        return origin == null ? ClientOrigin.NONE : origin;
    }

    /**
     * The client's address, given the TCP peer's and the request's {@code X-Forwarded-For} headers (each may list
     * several hops, oldest first).
     */
    public String clientAddress(String peer, List<String> forwardedFor) {
        if (forwardedFor.isEmpty() || !trusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (AddressRange.literal(hop) == null) {
                // Garbage, or a proxy's "unknown": nothing before it can be believed.
                return client;
            }
            client = hop;
            if (!trusted(hop)) {
                return client;
            }
        }
        return client;
    }

    private boolean trusted(String address) {
        for (AddressRange range : trustedProxies) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** Notes the end user's origin a call reported, for the rest of the request. */
    public void report(ClientOrigin origin, boolean byServer) {
        if (CURRENT.get() != null) {
            REPORTED.set(new Reported(origin, byServer));
        }
    }

    /** The origin the request reported for its end user, if it did. */
    public Optional<Reported> reported() {
        return Optional.ofNullable(REPORTED.get());
    }

    /** Sets the origin of this thread's request; {@link ClientOriginFilter} clears it when the request ends. */
    static void set(ClientOrigin origin) {
        if (origin == null) {
            CURRENT.remove();
            REPORTED.remove();
        } else {
            CURRENT.set(origin);
        }
    }
}
