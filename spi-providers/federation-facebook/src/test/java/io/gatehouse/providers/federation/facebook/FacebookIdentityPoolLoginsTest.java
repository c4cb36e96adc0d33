package io.gatehouse.providers.federation.facebook;

import com.sun.net.httpserver.HttpExchange;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationException.Reason;
import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.federation.IdentityPoolLogin;
import io.gatehouse.api.federation.UpstreamIdentity;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.api.provider.ProviderInitializationException;
import io.gatehouse.providers.federation.oauth.testing.StandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Facebook access tokens as identity-pool logins ({@code graph.facebook.com}) against a stand-in of the Graph API as
 * Facebook documents it: {@code /app} answers the app a user access token was issued to, {@code /me} its user's
 * fields, and any other token Graph's {@code OAuthException} 190. The attack corpus: a token of another app, a token
 * Graph does not know, Graph answering no JSON, {@code /app} or {@code /me} without an id, Graph in trouble (5xx, too
 * slow, unreachable).
 */
class FacebookIdentityPoolLoginsTest {

    private static final String APP_ID = "1234567890123456";
    private static final String USER_ID = "10158532795912345";

    /** A token Graph knows: the app it was issued to. */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    /** What came to Graph: the raw query and the Authorization header of each call. */
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private volatile StandIn.Handler app = this::app;
    private volatile StandIn.Handler me = this::me;
    private StandIn graph;
    private FacebookFederationProviderFactory factory;
    private FederationProvider provider;

    @BeforeEach
    void start() throws Exception {
        graph = new StandIn().on("/app", exchange -> app.handle(exchange)).on("/me", exchange -> me.handle(exchange));
        factory = factory(graph.url(), Map.of());
        provider = factory.create(ProviderContext.of(Optional.empty(), Clock.systemUTC()));
        tokens.put("EAABhonest", APP_ID);
        tokens.put("EAABother", "6543210987654321");
    }

    @AfterEach
    void stop() {
        provider.close();
        factory.close();
        graph.close();
    }

    private static FacebookFederationProviderFactory factory(String graphUrl, Map<String, String> more)
            throws ProviderInitializationException {
        Map<String, String> options = new java.util.HashMap<>(more);
        options.put("identity-pool-graph-url", graphUrl);
        FacebookFederationProviderFactory made = new FacebookFederationProviderFactory();
        made.init(new ProviderConfig(options));
        return made;
    }

    /** The token as Graph reads it: a bearer token, or the access_token parameter. */
    private String token(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        seen.add(exchange.getRequestURI().getRawQuery() + " | " + authorization);
        if (authorization != null && authorization.startsWith("Bearer ")) {
            return authorization.substring(7);
        }
        return StandIn.query(exchange).getOrDefault("access_token", List.of("")).get(0);
    }

    private void app(HttpExchange exchange) throws IOException {
        String appId = tokens.get(token(exchange));
        if (appId == null) {
            invalidToken(exchange);
            return;
        }
        StandIn.json(exchange, 200, Map.of("id", appId, "name", "Gatehouse", "link",
                "https://www.facebook.com/games/?app_id=" + appId));
    }

    private void me(HttpExchange exchange) throws IOException {
        if (tokens.get(token(exchange)) == null) {
            invalidToken(exchange);
            return;
        }
        StandIn.json(exchange, 200, Map.of("id", USER_ID, "name", "Alice Liddell", "email", "alice@example.com"));
    }

    private static void invalidToken(HttpExchange exchange) throws IOException {
        StandIn.json(exchange, 400, Map.of("error", Map.of("message", "Invalid OAuth access token data.",
                "type", "OAuthException", "code", 190, "fbtrace_id", "A1b2C3")));
    }

    private UpstreamIdentity login(String token) throws FederationException {
        return provider.verifyIdentityPoolLogin(IdentityPoolLogin.token(token, APP_ID));
    }

    private void assertRefused(String token, Reason reason) {
        FederationException refused = assertThrows(FederationException.class, () -> login(token));
        assertEquals(reason, refused.reason(), refused.getMessage());
        assertFalse(!token.isEmpty() && refused.getMessage().contains(token), "the message shows the token");
    }

    @Test
    void nameWhenAskedThenCognitos() {
        assertEquals(Optional.of("graph.facebook.com"), provider.identityPoolLoginName());
    }

    @Test
    void tokenOfThePoolsAppWhenShownThenItsUserAndTheTokenNeverInAUrl() throws Exception {
        UpstreamIdentity identity = login("EAABhonest");

        assertEquals(USER_ID, identity.subject());
        assertEquals("Alice Liddell", identity.claims().get("name"));
        assertEquals("alice@example.com", identity.claims().get("email"));
        assertEquals(APP_ID, identity.claims().get("app_id"));
        assertEquals(2, seen.size());
        assertTrue(seen.stream().noneMatch(call -> call.startsWith("EAABhonest") || call.contains("access_token")),
                seen.toString());
    }

    @Test
    void tokenOfAnotherAppWhenShownThenRefusedBeforeMeIsAsked() {
        assertRefused("EAABother", Reason.INVALID_RESPONSE);
        assertEquals(1, seen.size());
    }

    @Test
    void tokenGraphDoesNotKnowWhenShownThenRefused() {
        assertRefused("EAABexpired-or-made-up", Reason.INVALID_RESPONSE);
        assertRefused("", Reason.INVALID_RESPONSE);
    }

    @Test
    void graphAnsweringNoJsonOrNoIdWhenAskedThenRefused() {
        app = exchange -> StandIn.answer(exchange, 200, "text/html", "<html>not json</html>");
        assertRefused("EAABhonest", Reason.INVALID_RESPONSE);
        app = exchange -> StandIn.json(exchange, 200, Map.of("name", "Gatehouse"));
        assertRefused("EAABhonest", Reason.INVALID_RESPONSE);
        app = exchange -> StandIn.json(exchange, 200, Map.of("id", Long.parseLong(APP_ID)));
        assertRefused("EAABhonest", Reason.INVALID_RESPONSE);
        app = this::app;
        me = exchange -> StandIn.json(exchange, 200, Map.of("name", "Alice Liddell"));
        assertRefused("EAABhonest", Reason.INVALID_RESPONSE);
        me = exchange -> StandIn.answer(exchange, 200, "application/json", "{\"id\":");
        assertRefused("EAABhonest", Reason.INVALID_RESPONSE);
    }

    @Test
    void graphInTroubleWhenAskedThenUnavailable() throws Exception {
        app = exchange -> StandIn.json(exchange, 503, Map.of("error", Map.of("type", "OAuthException",
                "code", 2)));
        assertRefused("EAABhonest", Reason.UNAVAILABLE);
        app = exchange -> StandIn.json(exchange, 500, Map.of());
        assertRefused("EAABhonest", Reason.UNAVAILABLE);
    }

    @Test
    void graphTooSlowOrUnreachableWhenAskedThenUnavailable() throws Exception {
        app = exchange -> {
            Thread.sleep(2500);
            app(exchange);
        };
        assertUnavailable(factory(graph.url(), Map.of("read-timeout-seconds", "1")));
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertUnavailable(factory("http://127.0.0.1:" + closed, Map.of()));
    }

    private static void assertUnavailable(FacebookFederationProviderFactory other) {
        try (FederationProvider checker = other.create(ProviderContext.of(Optional.empty(), Clock.systemUTC()))) {
            FederationException refused = assertThrows(FederationException.class, () -> checker
                    .verifyIdentityPoolLogin(IdentityPoolLogin.token("EAABhonest", APP_ID)));
            assertEquals(Reason.UNAVAILABLE, refused.reason());
            assertFalse(refused.getMessage().contains("EAABhonest"));
        } finally {
            other.close();
        }
    }

    @Test
    void graphOptionWhenPlainHttpOffThisMachineThenTheFactoryRefusesIt() {
        assertThrows(ProviderInitializationException.class, () -> factory("http://graph.example.test", Map.of()));
        assertEquals("https://graph.facebook.com", FacebookFederationProviderFactory.GRAPH);
    }
}
