package io.gatehouse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keycloak through its admin REST API (set-up) and its OpenID Connect token endpoint (load): the password grant
 * and the refresh grant of a public client, with {@code scope=openid} so that it signs an ID token as well as an
 * access token, as Gatehouse does; and sign-ins through an upstream OpenID Provider that the realm brokers.
 */
final class KeycloakTarget implements Target {

    private static final String CLIENT_ID = "bench";
    private static final String FEDERATED_CLIENT_ID = "bench-federated";
    /** The upstream IdP's alias in the realm, which {@code kc_idp_hint} names. */
    private static final String UPSTREAM = "upstream";

    private final URI base;
    private final String adminUser;
    private final String adminPassword;
    private final String passwordPolicy;
    private URI tokenEndpoint;
    private String realm;

    /**
     * @param passwordPolicy the realm's password policy, which picks the hash and its cost, such as
     *                       {@code hashAlgorithm(pbkdf2-sha256) and hashIterations(1)}; null for Keycloak's default
     */
    KeycloakTarget(URI base, String adminUser, String adminPassword, String passwordPolicy) {
        this.base = base;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.passwordPolicy = passwordPolicy;
    }

    @Override
    public void setUp(int users) throws IOException, InterruptedException {
        String admin = adminToken();
        realm = "bench-" + System.currentTimeMillis();
        Map<String, Object> realmSettings = new HashMap<>(Map.of("realm", realm, "enabled", true));
        if (passwordPolicy != null) {
            realmSettings.put("passwordPolicy", passwordPolicy);
        }
        Http.send(authorized(Http.postJson(base.resolve("/admin/realms"), realmSettings), admin));
        URI realmAdmin = base.resolve("/admin/realms/" + realm + "/");
        Http.send(authorized(Http.postJson(realmAdmin.resolve("clients"), Map.of("clientId", CLIENT_ID,
                "publicClient", true, "directAccessGrantsEnabled", true, "standardFlowEnabled", false)), admin));
        for (int user = 0; user < users; user++) {
            String username = Users.name(user);
            Http.send(authorized(Http.postJson(realmAdmin.resolve("users"), Map.of("username", username,
                    "enabled", true, "email", username + "@bench.example", "emailVerified", true,
                    "firstName", "Bench", "lastName", "User " + user,
                    "credentials", List.of(Map.of("type", "password", "value", Users.PASSWORD,
                            "temporary", false)))), admin));
        }
        tokenEndpoint = base.resolve("/realms/" + realm + "/protocol/openid-connect/token");
    }

    /**
     * An OpenID Connect identity provider {@value #UPSTREAM} in the realm (its endpoints as the upstream's discovery
     * document names them, the ID token's signature checked with keys from its JWKS URL, PKCE, the client secret
     * sent with HTTP Basic as Gatehouse sends it, and sync mode FORCE, so that the user's profile is updated from
     * the upstream claims at every sign-in, as Cognito does), and a public client with the code flow and PKCE. The
     * realm's first broker login flow is Keycloak's default: its review-profile step asks only for what the upstream
     * claims leave missing, and they leave nothing (e-mail, given and family names), so no page is shown; the user
     * is made when no user of the realm has their user name or e-mail address.
     */
    @Override
    public BrokeredSignIn.App setUpFederation(UpstreamIdp upstream) throws IOException {
        String admin = adminToken();
        URI realmAdmin = base.resolve("/admin/realms/" + realm + "/");
        Map<String, String> config = new HashMap<>(Map.of("issuer", upstream.issuer().toString(),
                "authorizationUrl", upstream.authorizationEndpoint().toString(),
                "tokenUrl", upstream.tokenEndpoint().toString(), "userInfoUrl", upstream.userInfoEndpoint().toString(),
                "jwksUrl", upstream.jwksUri().toString(), "useJwksUrl", "true", "validateSignature", "true"));
        config.putAll(Map.of("clientId", "keycloak-bench", "clientSecret", "bench-upstream-secret",
                "clientAuthMethod", "client_secret_basic", "defaultScope", "openid email profile",
                "pkceEnabled", "true", "pkceMethod", "S256", "syncMode", "FORCE"));
        Http.send(authorized(Http.postJson(realmAdmin.resolve("identity-provider/instances"), Map.of(
                "alias", UPSTREAM, "providerId", "oidc", "enabled", true, "trustEmail", true, "config", config)),
                admin));
        Http.send(authorized(Http.postJson(realmAdmin.resolve("clients"), Map.of("clientId", FEDERATED_CLIENT_ID,
                "publicClient", true, "standardFlowEnabled", true, "directAccessGrantsEnabled", false,
                "redirectUris", List.of(BrokeredSignIn.APP_CALLBACK.toString()),
                "attributes", Map.of("pkce.code.challenge.method", "S256"))), admin));
        URI protocol = base.resolve("/realms/" + realm + "/protocol/openid-connect/");
        return new BrokeredSignIn.App(protocol.resolve("auth"), Map.of("kc_idp_hint", UPSTREAM),
                protocol.resolve("token"), FEDERATED_CLIENT_ID, BrokeredSignIn.APP_CALLBACK);
    }

    private String adminToken() throws IOException {
        return Http.send(Http.postForm(base.resolve("/realms/master/protocol/openid-connect/token"),
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", adminUser,
                        "password", adminPassword))).path("access_token").asText();
    }

    @Override
    public String signIn(int user) throws IOException, InterruptedException {
        return tokens(Map.of("grant_type", "password", "client_id", CLIENT_ID, "scope", "openid",
                "username", Users.name(user), "password", Users.PASSWORD));
    }

    @Override
    public String refresh(String refreshToken) throws IOException, InterruptedException {
        return tokens(Map.of("grant_type", "refresh_token", "client_id", CLIENT_ID, "scope", "openid",
                "refresh_token", refreshToken));
    }

    private String tokens(Map<String, String> form) throws IOException, InterruptedException {
        JsonNode answer = Http.send(Http.postForm(tokenEndpoint, form));
        if (!answer.has("id_token") || !answer.has("access_token")) {
            throw new IOException("the token endpoint returned no tokens: " + answer);
        }
        return answer.path("refresh_token").asText();
    }

    private static ClassicRequestBuilder authorized(ClassicRequestBuilder request, String token) {
        return request.setHeader("Authorization", "Bearer " + token);
    }
}
