package io.gatehouse.engine.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gatehouse's own series at {@code /metrics} (the application scope of MicroProfile Metrics; see the README's
 * "Metrics and health"). Every tag value comes from a fixed set in the code (an operation of the service model, an
 * error type, a flow, a trigger source, a provider type), never from what a caller sent, so the number of series
 * stays bounded whatever the traffic. A series is registered the first time its tags occur and then found in a map
 * by one string key: no registry lookup, tag array or reflection per request.
 */
@ApplicationScoped
public class GatehouseMetrics {

    /** The label of anything outside a fixed set: an unknown operation or flow. */
    public static final String UNKNOWN = "unknown";

    static final String COGNITO_REQUESTS = "gatehouse.cognito.requests";
    static final String HTTP_REQUESTS = "gatehouse.http.requests";
    static final String SIGN_INS = "gatehouse.sign.ins";
    static final String TOKENS_ISSUED = "gatehouse.tokens.issued";
    static final String TRIGGER_CALLS = "gatehouse.trigger.calls";
    static final String FEDERATION_CALLS = "gatehouse.federation.calls";

    /** Where a sign-in stands after one call. */
    public enum SignInOutcome { SUCCESS, CHALLENGE, FAILURE }

    /** The kinds of token counted. */
    public enum TokenKind { ACCESS, ID, REFRESH }

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    /**
     * One call of the Cognito APIs.
     *
     * @param service   the service's signing name ({@code cognito-idp}, {@code cognito-identity}), or unknown
     * @param operation the operation of the service's model, or {@link #UNKNOWN}
     * @param outcome   {@code ok}, or the error's {@code __type}
     */
    public void cognitoRequest(String service, String operation, String outcome, long nanos) {
        timer(COGNITO_REQUESTS, "Cognito API calls by operation and outcome (ok or the error's __type)",
                nanos, "service", service, "operation", operation, "outcome", outcome);
    }

    /**
     * One request to a JAX-RS endpoint (OAuth 2.0, OpenID Connect, hosted UI, well-known documents, admin).
     *
     * @param endpoint the endpoint's path template, never the path requested
     * @param status   the HTTP status answered
     */
    public void httpRequest(String endpoint, int status, long nanos) {
        timer(HTTP_REQUESTS, "Requests to the OAuth, hosted UI and other HTTP endpoints by path template and status"
                + " class", nanos, "endpoint", endpoint, "status", statusClass(status));
    }

    /**
     * One step of a sign-in.
     *
     * @param flow the flow: InitiateAuth's AuthFlow (USER_PASSWORD_AUTH...), RESPOND_TO_AUTH_CHALLENGE, HOSTED_UI,
     *             FEDERATED or REFRESH_TOKEN_AUTH
     */
    public void signIn(String flow, SignInOutcome outcome) {
        counter(SIGN_INS, "Sign-in steps by flow and outcome (success, challenge, failure)",
                "flow", flow, "outcome", outcome.name().toLowerCase(Locale.ROOT));
    }

    /** One token signed (access, ID) or stored (refresh). */
    public void tokenIssued(TokenKind kind) {
        counter(TOKENS_ISSUED, "Tokens issued by kind", "kind", kind.name().toLowerCase(Locale.ROOT));
    }

    /**
     * One call of a pool's trigger.
     *
     * @param source  Cognito's triggerSource of the event (PreSignUp_SignUp...)
     * @param outcome {@code ok}, {@code function_error}, {@code unavailable} or {@code invalid_response}
     */
    public void triggerCall(String source, String outcome, long nanos) {
        timer(TRIGGER_CALLS, "Trigger calls by trigger source and outcome", nanos,
                "source", source, "outcome", outcome);
    }

    /**
     * One call of an identity provider's type to finish a federated sign-in (the token exchange, the assertion).
     *
     * @param providerType the provider's type (OIDC, SAML, Google...)
     * @param outcome      {@code ok} or the failure's reason
     */
    public void federationCall(String providerType, String outcome, long nanos) {
        timer(FEDERATION_CALLS, "Calls to identity providers' types finishing a federated sign-in, by provider"
                + " type and outcome", nanos, "provider_type", providerType, "outcome", outcome);
    }

    private void timer(String name, String description, long nanos, String... tags) {
        timers.computeIfAbsent(key(name, tags), k -> registry.timer(Metadata.builder().withName(name)
                .withDescription(description).withUnit(MetricUnits.SECONDS).build(), tags(tags)))
                .update(Duration.ofNanos(nanos));
    }

    private void counter(String name, String description, String... tags) {
        counters.computeIfAbsent(key(name, tags), k -> registry.counter(Metadata.builder().withName(name)
                .withDescription(description).build(), tags(tags))).inc();
    }

    private static String key(String name, String... tags) {
        StringBuilder key = new StringBuilder(name);
        for (int i = 1; i < tags.length; i += 2) {
            key.append('\u0000').append(tags[i]);
        }
        return key.toString();
    }

    private static Tag[] tags(String... pairs) {
        Tag[] tags = new Tag[pairs.length / 2];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = new Tag(pairs[2 * i], pairs[2 * i + 1]);
        }
        return tags;
    }

    static String statusClass(int status) {
        return status >= 100 && status < 600 ? (status / 100) + "xx" : UNKNOWN;
    }
}
