package io.gatehouse.it.cognito;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientType;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Secrets at rest: signing keys, client secrets and stored admin secrets are sealed with the data key, so a copy of
 * the database alone yields none of them, while everything that uses them still works over the wire.
 *
 * <p>On PostgreSQL the rows are read with a second connection. The embedded database takes no second reader while
 * the server holds it, so there the test reads the database file's bytes, which is what a stolen copy would be.
 */
class SecretsAtRestIT {

    private static final String PASSWORD = "Secrets-At-Rest-1";
    /**
     * A caller-chosen secret, as CreateUserPoolClient's ClientSecret allows ([\w+]+, 24 to 64 characters); new each
     * run, since the embedded database's file outlives a run.
     */
    private static final String CUSTOM_SECRET = "customSecret+" + UUID.randomUUID().toString().replace("-", "");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static CognitoIdentityProviderClient cognito;
    private static String poolId;
    private static UserPoolClientType generated;
    private static UserPoolClientType custom;

    @BeforeAll
    static void pool() throws Exception {
        cognito = Gatehouse.adminClient();
        poolId = cognito.createUserPool(r -> r.poolName("secrets-at-rest")).userPool().id();
        generated = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("generated")
                .generateSecret(true).explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient();
        // The SDK this suite uses predates CreateUserPoolClient's ClientSecret member, so this call is made by hand.
        HttpResponse<String> created = RawCall.admin(RawCall.target("CreateUserPoolClient"), "{\"UserPoolId\": \""
                + poolId + "\", \"ClientName\": \"custom\", \"ClientSecret\": \"" + CUSTOM_SECRET + "\","
                + " \"ExplicitAuthFlows\": [\"ALLOW_USER_PASSWORD_AUTH\", \"ALLOW_REFRESH_TOKEN_AUTH\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        String customId = JSON.readTree(created.body()).path("UserPoolClient").path("ClientId").asText();
        custom = cognito.describeUserPoolClient(r -> r.userPoolId(poolId).clientId(customId)).userPoolClient();
        cognito.adminCreateUser(r -> r.userPoolId(poolId).username("rita").messageAction(MessageActionType.SUPPRESS)
                .temporaryPassword("Temporary-Pass-1"));
        cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username("rita").password(PASSWORD).permanent(true));
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    private static AuthenticationResultType signIn(UserPoolClientType client, String secret) throws Exception {
        String hash = Clients.secretHash(secret, "rita", client.clientId());
        return cognito.initiateAuth(r -> r.clientId(client.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "rita", "PASSWORD", PASSWORD, "SECRET_HASH", hash)))
                .authenticationResult();
    }

    private static void verify(String jwt) throws Exception {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, JWKSourceBuilder
                .create(new URL(Gatehouse.ENDPOINT + "/" + poolId + "/.well-known/jwks.json")).build()));
        processor.process(jwt, null);
    }

    private static JWKSet publishedKeys() throws Exception {
        return JWKSet.load(new URL(Gatehouse.ENDPOINT + "/" + poolId + "/.well-known/jwks.json"));
    }

    @Test
    void confidentialClientsWhenSecretsAreSealedThenTheyStillSignInRefreshAndDescribe() throws Exception {
        assertThat(generated.clientSecret()).as("CreateUserPoolClient returns the generated secret").isNotBlank();
        assertThat(cognito.describeUserPoolClient(r -> r.userPoolId(poolId).clientId(generated.clientId()))
                .userPoolClient().clientSecret()).isEqualTo(generated.clientSecret());
        assertThat(cognito.describeUserPoolClient(r -> r.userPoolId(poolId).clientId(custom.clientId()))
                .userPoolClient().clientSecret()).isEqualTo(CUSTOM_SECRET);

        AuthenticationResultType tokens = signIn(generated, generated.clientSecret());
        verify(tokens.idToken());
        verify(tokens.accessToken());
        verify(signIn(custom, CUSTOM_SECRET).idToken());
        assertThatThrownBy(() -> signIn(generated, CUSTOM_SECRET)).isInstanceOf(NotAuthorizedException.class)
                .hasMessageContaining("secret hash");

        String refreshHash = Clients.secretHash(generated.clientSecret(), "rita", generated.clientId());
        AuthenticationResultType refreshed = cognito.initiateAuth(r -> r.clientId(generated.clientId())
                .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).authParameters(Map.of(
                        "REFRESH_TOKEN", tokens.refreshToken(), "SECRET_HASH", refreshHash))).authenticationResult();
        verify(refreshed.idToken());

        URI token = Gatehouse.ENDPOINT.resolve("/oauth2/token");
        ClientID id = new ClientID(generated.clientId());
        TokenResponse basic = TokenResponse.parse(new TokenRequest(token,
                new ClientSecretBasic(id, new Secret(generated.clientSecret())),
                new RefreshTokenGrant(new RefreshToken(tokens.refreshToken()))).toHTTPRequest().send());
        assertThat(basic.indicatesSuccess()).as(String.valueOf(basic)).isTrue();
        TokenResponse wrong = TokenResponse.parse(new TokenRequest(token,
                new ClientSecretBasic(id, new Secret(CUSTOM_SECRET)),
                new RefreshTokenGrant(new RefreshToken(tokens.refreshToken()))).toHTTPRequest().send());
        assertThat(((TokenErrorResponse) wrong).getErrorObject().getCode()).isEqualTo("invalid_client");
    }

    @Test
    void databaseWhenReadWithoutTheDataKeyThenNoClientSecretNorPrivateKey() throws Exception {
        signIn(generated, generated.clientSecret());
        List<RSAKey> keys = new ArrayList<>();
        for (JWK jwk : publishedKeys().getKeys()) {
            keys.add(jwk.toRSAKey());
        }
        assertThat(keys).as("the pool's ID and access keys").hasSizeGreaterThanOrEqualTo(2);

        if (Gatehouse.onPostgres()) {
            checkRows(keys);
        } else {
            checkFile(keys);
        }
    }

    /** Reads the rows as a second client of the database would. */
    private static void checkRows(List<RSAKey> keys) throws Exception {
        try (Connection db = Gatehouse.database()) {
            Map<String, String> stored = new HashMap<>();
            try (PreparedStatement s = db.prepareStatement(
                    "SELECT kid, private_jwk FROM signing_key WHERE owner = ?")) {
                s.setString(1, poolId);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        stored.put(rows.getString(1), rows.getString(2));
                    }
                }
            }
            for (RSAKey key : keys) {
                String value = stored.get(key.getKeyID());
                assertThat(value).as("stored key " + key.getKeyID()).isNotNull()
                        .doesNotContain(key.getModulus().toString()).doesNotContain("\"d\"");
                assertThatThrownBy(() -> JWK.parse(value)).as("not a JWK in clear").isInstanceOf(Exception.class);
            }
            for (UserPoolClientType client : List.of(generated, custom)) {
                try (PreparedStatement s = db.prepareStatement(
                        "SELECT client_secret FROM user_pool_client WHERE client_id = ?")) {
                    s.setString(1, client.clientId());
                    try (ResultSet rows = s.executeQuery()) {
                        assertThat(rows.next()).isTrue();
                        assertThat(rows.getString(1)).as("stored secret of " + client.clientName()).isNotNull()
                                .doesNotContain(client.clientSecret());
                    }
                }
            }
            // The IT servers take their admin credential from the configuration, so the table is usually empty;
            // whatever a server stored there (its bootstrap credential) must be sealed as well.
            try (Statement s = db.createStatement();
                 ResultSet rows = s.executeQuery("SELECT secret_access_key FROM admin_credential")) {
                while (rows.next()) {
                    assertThat(rows.getString(1)).startsWith("gh1:");
                }
            }
        }
    }

    /**
     * Reads the embedded database's file. Rows reach it a moment after their commit, so this waits until the file
     * holds the rows' clear columns (the client ids and the key ids) before looking for what must not be there.
     */
    private static void checkFile(List<RSAKey> keys) throws Exception {
        Path file = Gatehouse.serverDir().resolve("database/gatehouse.mv.db");
        List<String> present = new ArrayList<>(List.of(generated.clientId(), custom.clientId()));
        keys.forEach(k -> present.add(k.getKeyID()));
        String content = "";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            // ISO-8859-1 maps each byte to one char, so ASCII text in the file is found as it is.
            content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            String read = content;
            if (present.stream().allMatch(read::contains)) {
                break;
            }
            Thread.sleep(250);
        }
        String stored = content;
        assertThat(present).as("the database file holds the rows").allMatch(stored::contains);
        // Booleans, not doesNotContain: a failure must not print the whole file.
        assertThat(content.contains(generated.clientSecret())).as("generated client secret in the file").isFalse();
        assertThat(content.contains(CUSTOM_SECRET)).as("caller's client secret in the file").isFalse();
        // The modulus stands for the whole private JWK, which holds it: the JWKS publishes it, the database must
        // not. (The file may still hold clear values of rows sealed since an earlier run, in pages not yet reused,
        // so this looks for this pool's keys only.)
        for (RSAKey key : keys) {
            assertThat(content.contains(key.getModulus().toString())).as("key " + key.getKeyID() + " in the file")
                    .isFalse();
        }
    }
}
