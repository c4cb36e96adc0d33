package io.gatehouse.providers.federation.amazon;

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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Login with Amazon access tokens as identity-pool logins ({@code www.amazon.com}) against a stand-in of LWA as it
 * documents itself: {@code /auth/o2/tokeninfo?access_token=} answers {@code iss}, {@code user_id}, {@code aud} (the
 * OAuth client), {@code app_id} (the security profile, which Cognito's "Amazon App ID" is), {@code exp} (seconds
 * left) and {@code iat}, or {@code invalid_token}; {@code /user/profile} answers the profile for a bearer token. The
 * attack corpus: a token of another security profile, the client id where the app id belongs, expired, unknown,
 * answers that are no JSON or lack the user, a profile of another user, LWA in trouble.
 */
class AmazonIdentityPoolLoginsTest {

    private static final String APP_ID = "amzn1.application.0123456789abcdef0123456789abcdef";
    private static final String CLIENT_ID = "amzn1.application-oa2-client.0123456789abcdef0123456789abcdef";
    private static final String USER_ID = "amzn1.account.AGHDJ4XYZQWERTY";

    /** Tokens LWA issued: their tokeninfo. */
    private final Map<String, Map<String, Object>> tokens = new ConcurrentHashMap<>();
    private volatile StandIn.Handler tokenInfo = this::tokenInfo;
    private volatile StandIn.Handler profile = this::profile;
    private StandIn lwa;
    private AmazonFederationProviderFactory factory;
    private FederationProvider provider;

    @BeforeEach
    void start() throws Exception {
        lwa = new StandIn().on("/auth/o2/tokeninfo", exchange -> tokenInfo.handle(exchange))
                .on("/user/profile", exchange -> profile.handle(exchange));
        factory = factory(lwa.url(), Map.of());
        provider = factory.create(ProviderContext.of(Optional.empty(), Clock.systemUTC()));
        tokens.put("Atza|honest", info(APP_ID, CLIENT_ID, 3597));
        tokens.put("Atza|other-app", info("amzn1.application.ffffffffffffffffffffffffffffffff", CLIENT_ID, 3597));
        tokens.put("Atza|expired", info(APP_ID, CLIENT_ID, 0));
    }

    private static Map<String, Object> info(String appId, String clientId, long secondsLeft) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("iss", "https://www.amazon.com");
        info.put("user_id", USER_ID);
        info.put("aud", clientId);
        info.put("app_id", appId);
        info.put("exp", secondsLeft);
        info.put("iat", 1311280970L);
        return info;
    }

    @AfterEach
    void stop() {
        provider.close();
        factory.close();
        lwa.close();
    }

    private static AmazonFederationProviderFactory factory(String base, Map<String, String> more)
            throws ProviderInitializationException {
        Map<String, String> options = new HashMap<>(more);
        options.put("identity-pool-tokeninfo-url", base + "/auth/o2/tokeninfo");
        options.put("identity-pool-profile-url", base + "/user/profile");
        AmazonFederationProviderFactory made = new AmazonFederationProviderFactory();
        made.init(new ProviderConfig(options));
        return made;
    }

    private void tokenInfo(HttpExchange exchange) throws IOException {
        Map<String, Object> info = tokens.get(StandIn.query(exchange).getOrDefault("access_token", List.of(""))
                .get(0));
        if (info == null) {
            StandIn.json(exchange, 400, Map.of("error", "invalid_token",
                    "error_description", "The request has an invalid parameter : access_token"));
            return;
        }
        StandIn.json(exchange, 200, info);
    }

    private void profile(HttpExchange exchange) throws IOException {
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        if (!authorization.startsWith("Bearer ") || !tokens.containsKey(authorization.substring(7))) {
            StandIn.json(exchange, 401, Map.of("error", "invalid_token"));
            return;
        }
        StandIn.json(exchange, 200, Map.of("user_id", USER_ID, "name", "Alice Liddell", "email", "alice@example.com",
                "postal_code", "98101"));
    }

    private UpstreamIdentity login(String token, String appId) throws FederationException {
        return provider.verifyIdentityPoolLogin(IdentityPoolLogin.token(token, appId));
    }

    private void assertRefused(String token, String appId, Reason reason) {
        FederationException refused = assertThrows(FederationException.class, () -> login(token, appId));
        assertEquals(reason, refused.reason(), refused.getMessage());
        assertFalse(!token.isEmpty() && refused.getMessage().contains(token), "the message shows the token");
    }

    @Test
    void nameWhenAskedThenCognitos() {
        assertEquals(Optional.of("www.amazon.com"), provider.identityPoolLoginName());
    }

    @Test
    void tokenOfThePoolsAppWhenShownThenItsUserWithTheProfile() throws Exception {
        UpstreamIdentity identity = login("Atza|honest", APP_ID);

        assertEquals(USER_ID, identity.subject());
        assertEquals("Alice Liddell", identity.claims().get("name"));
        assertEquals("98101", identity.claims().get("postal_code"));
        assertEquals(APP_ID, identity.claims().get("app_id"));
        assertEquals(CLIENT_ID, identity.claims().get("aud"));
    }

    @Test
    void tokenWithoutAProfileScopeWhenShownThenTokeninfosUser() throws Exception {
        profile = exchange -> StandIn.json(exchange, 403, Map.of("error", "insufficient_scope"));

        UpstreamIdentity identity = login("Atza|honest", APP_ID);

        assertEquals(USER_ID, identity.subject());
        assertNull(identity.claims().get("name"));
    }

    @Test
    void tokenOfAnotherSecurityProfileWhenShownThenRefused() {
        assertRefused("Atza|other-app", APP_ID, Reason.INVALID_RESPONSE);
    }

    @Test
    void poolNamingTheClientIdWhenATokenIsShownThenRefusedAsCognitoWants() {
        assertRefused("Atza|honest", CLIENT_ID, Reason.INVALID_RESPONSE);
    }

    @Test
    void expiredOrUnknownTokenWhenShownThenRefused() {
        assertRefused("Atza|expired", APP_ID, Reason.INVALID_RESPONSE);
        assertRefused("Atza|made-up", APP_ID, Reason.INVALID_RESPONSE);
        assertRefused("", APP_ID, Reason.INVALID_RESPONSE);
    }

    @Test
    void answersWithoutJsonOrUserWhenAskedThenRefused() {
        tokenInfo = exchange -> StandIn.answer(exchange, 200, "text/html", "<html>maintenance</html>");
        assertRefused("Atza|honest", APP_ID, Reason.INVALID_RESPONSE);
        tokenInfo = exchange -> {
            Map<String, Object> info = info(APP_ID, CLIENT_ID, 3597);
            info.remove("user_id");
            StandIn.json(exchange, 200, info);
        };
        assertRefused("Atza|honest", APP_ID, Reason.INVALID_RESPONSE);
        tokenInfo = exchange -> {
            Map<String, Object> info = info(APP_ID, CLIENT_ID, 3597);
            info.put("exp", "soon");
            StandIn.json(exchange, 200, info);
        };
        assertRefused("Atza|honest", APP_ID, Reason.INVALID_RESPONSE);
        tokenInfo = this::tokenInfo;
        profile = exchange -> StandIn.json(exchange, 200, Map.of("user_id", "amzn1.account.SOMEONEELSE"));
        assertRefused("Atza|honest", APP_ID, Reason.INVALID_RESPONSE);
        profile = exchange -> StandIn.answer(exchange, 200, "application/json", "{\"user_id\"");
        assertRefused("Atza|honest", APP_ID, Reason.INVALID_RESPONSE);
    }

    @Test
    void lwaInTroubleWhenAskedThenUnavailable() throws Exception {
        tokenInfo = exchange -> StandIn.json(exchange, 503, Map.of());
        assertRefused("Atza|honest", APP_ID, Reason.UNAVAILABLE);
        tokenInfo = this::tokenInfo;
        profile = exchange -> StandIn.json(exchange, 500, Map.of());
        assertRefused("Atza|honest", APP_ID, Reason.UNAVAILABLE);
    }

    @Test
    void lwaTooSlowOrUnreachableWhenAskedThenUnavailable() throws Exception {
        tokenInfo = exchange -> {
            Thread.sleep(2500);
            tokenInfo(exchange);
        };
        assertUnavailable(factory(lwa.url(), Map.of("read-timeout-seconds", "1")));
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertUnavailable(factory("http://127.0.0.1:" + closed, Map.of()));
    }

    private static void assertUnavailable(AmazonFederationProviderFactory other) {
        try (FederationProvider checker = other.create(ProviderContext.of(Optional.empty(), Clock.systemUTC()))) {
            FederationException refused = assertThrows(FederationException.class, () -> checker
                    .verifyIdentityPoolLogin(IdentityPoolLogin.token("Atza|honest", APP_ID)));
            assertEquals(Reason.UNAVAILABLE, refused.reason());
            assertFalse(refused.getMessage().contains("Atza|honest"));
        } finally {
            other.close();
        }
    }

    @Test
    void urlOptionsWhenPlainHttpOffThisMachineThenTheFactoryRefusesThem() {
        assertThrows(ProviderInitializationException.class, () -> factory("http://api.amazon.example", Map.of()));
    }
}
