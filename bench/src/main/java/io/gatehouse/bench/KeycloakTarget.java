package io.gatehouse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Keycloak through its admin REST API (set-up) and its OpenID Connect token endpoint (load): the password grant
 * and the refresh grant of a public client, with {@code scope=openid} so that it signs an ID token as well as an
 * access token, as Gatehouse does.
 */
final class KeycloakTarget implements Target {

    private static final String CLIENT_ID = "bench";

    private final URI base;
    private final String adminUser;
    private final String adminPassword;
    private final String passwordPolicy;
    private URI tokenEndpoint;

    /**
     * @param passwordPolicy the realm's password policy, which picks the hash and its cost, such as
     *                       {@code hashAlgorithm(pbkdf2-sha256) and hashIterations(1)}
     */
    KeycloakTarget(URI base, String adminUser, String adminPassword, String passwordPolicy) {
        this.base = base;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.passwordPolicy = passwordPolicy;
    }

    @Override
    public void setUp(int users) throws IOException, InterruptedException {
        String admin = Http.send(Http.postForm(base.resolve("/realms/master/protocol/openid-connect/token"),
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", adminUser,
                        "password", adminPassword))).path("access_token").asText();
        String realm = "bench-" + System.currentTimeMillis();
        Http.send(authorized(Http.postJson(base.resolve("/admin/realms"), Map.of("realm", realm, "enabled", true,
                "passwordPolicy", passwordPolicy)), admin));
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
