package io.gatehouse.it.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.support.TriggerStandIn;
import io.gatehouse.it.support.TriggerStandIn.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserLambdaValidationException;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code /metrics} in Prometheus's text form, read before and after real calls (an AWS SDK sign-in, a wrong
 * password, an unknown operation, the token endpoint): each series named in the README moved by exactly what the
 * test did, and nothing a caller sent became a label. The server is shared with every other IT, which run one at a
 * time, so each count is read as a difference. Also {@code /health/live} and {@code /health/ready} saying why.
 */
class MetricsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "Metrics-Pass-1";
    private static final String USER_POOLS = "AWSCognitoIdentityProviderService";

    private static CognitoIdentityProviderClient cognito;
    private static String poolId;
    private static String clientId;

    @BeforeAll
    static void pool() {
        cognito = Gatehouse.adminClient();
        poolId = cognito.createUserPool(r -> r.poolName("metrics")).userPool().id();
        clientId = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("app").explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .userPoolClient().clientId();
        cognito.adminCreateUser(r -> r.userPoolId(poolId).username("mia").messageAction(MessageActionType.SUPPRESS)
                .temporaryPassword("Temporary-Pass-1"));
        cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username("mia").password(PASSWORD).permanent(true));
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    @Test
    void signInWrongPasswordAndTokenEndpointThenTheirSeriesMoveByWhatWasDone() throws Exception {
        PrometheusScrape before = PrometheusScrape.now();

        String refresh = cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "mia", "PASSWORD", PASSWORD))).authenticationResult()
                .refreshToken();
        assertThatThrownBy(() -> cognito.initiateAuth(r -> r.clientId(clientId)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "mia", "PASSWORD", "Wrong-Pass-1"))))
                .isInstanceOf(NotAuthorizedException.class);
        HttpResponse<String> token = post("/oauth2/token", "grant_type=refresh_token&client_id=" + clientId
                + "&refresh_token=" + URLEncoder.encode(refresh, StandardCharsets.UTF_8));
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        HttpResponse<String> badGrant = post("/oauth2/token", "grant_type=password&client_id=" + clientId);
        assertThat(badGrant.statusCode()).isEqualTo(400);

        PrometheusScrape after = PrometheusScrape.now();
        String cognitoCount = "gatehouse_cognito_requests_seconds_count";
        assertThat(after.delta(before, cognitoCount, "operation", "InitiateAuth", "outcome", "ok",
                "service", USER_POOLS)).isEqualTo(1);
        assertThat(after.delta(before, cognitoCount, "operation", "InitiateAuth", "outcome",
                "NotAuthorizedException")).isEqualTo(1);
        assertThat(after.delta(before, "gatehouse_cognito_requests_seconds_sum", "operation", "InitiateAuth",
                "outcome", "ok")).as("latency recorded").isGreaterThan(0);
        assertThat(after.delta(before, "gatehouse_sign_ins_total", "flow", "USER_PASSWORD_AUTH", "outcome",
                "success")).isEqualTo(1);
        assertThat(after.delta(before, "gatehouse_sign_ins_total", "flow", "USER_PASSWORD_AUTH", "outcome",
                "failure")).isEqualTo(1);
        assertThat(after.delta(before, "gatehouse_sign_ins_total", "flow", "REFRESH_TOKEN_AUTH", "outcome",
                "success")).isEqualTo(1);
        assertThat(after.delta(before, "gatehouse_tokens_issued_total", "kind", "access")).isEqualTo(2);
        assertThat(after.delta(before, "gatehouse_tokens_issued_total", "kind", "id")).isEqualTo(2);
        assertThat(after.delta(before, "gatehouse_tokens_issued_total", "kind", "refresh")).isEqualTo(1);
        String httpCount = "gatehouse_http_requests_seconds_count";
        assertThat(after.delta(before, httpCount, "endpoint", "/oauth2/token", "status", "2xx")).isEqualTo(1);
        assertThat(after.delta(before, httpCount, "endpoint", "/oauth2/token", "status", "4xx")).isEqualTo(1);
    }

    @Test
    void unknownOperationOrPathThenCountedAsUnknownAndNeverAsWhatWasSent() throws Exception {
        String marker = "Probe" + UUID.randomUUID().toString().replace("-", "");
        PrometheusScrape before = PrometheusScrape.now();

        HttpResponse<String> unknownOperation = Gatehouse.HTTP.send(HttpRequest.newBuilder(Gatehouse.ENDPOINT)
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", USER_POOLS + "." + marker)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknownService = Gatehouse.HTTP.send(HttpRequest.newBuilder(Gatehouse.ENDPOINT)
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", marker + ".ListUserPools")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unknownPath = Gatehouse.HTTP.send(HttpRequest.newBuilder(Gatehouse.ENDPOINT
                .resolve("/oauth2/" + marker)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(List.of(unknownOperation.statusCode(), unknownService.statusCode(), unknownPath.statusCode()))
                .containsExactly(400, 400, 404);

        PrometheusScrape after = PrometheusScrape.now();
        assertThat(after.delta(before, "gatehouse_cognito_requests_seconds_count", "service", USER_POOLS,
                "operation", "unknown", "outcome", "UnknownOperationException")).isEqualTo(1);
        assertThat(after.delta(before, "gatehouse_cognito_requests_seconds_count", "service", "unknown",
                "operation", "unknown", "outcome", "UnknownOperationException")).isEqualTo(1);
        assertThat(after.delta(before, "gatehouse_http_requests_seconds_count", "endpoint", "unmatched",
                "status", "4xx")).isEqualTo(1);
        assertThat(after.text()).doesNotContain(marker);
    }

    @Test
    void triggerAnsweredThenFailedThenEachCountedByItsSourceAndOutcome() throws Exception {
        try (TriggerStandIn standIn = new TriggerStandIn()) {
            String triggered = cognito.createUserPool(r -> r.poolName("metrics-trigger")
                    .lambdaConfig(l -> l.preSignUp(standIn.url("/pre-sign-up")))).userPool().id();
            String app = cognito.createUserPoolClient(r -> r.userPoolId(triggered).clientName("app"))
                    .userPoolClient().clientId();
            PrometheusScrape before = PrometheusScrape.now();

            standIn.on("/pre-sign-up", event -> Answer.respond(event, JSON.createObjectNode()));
            cognito.signUp(r -> r.clientId(app).username("tom").password(PASSWORD));
            standIn.on("/pre-sign-up", event -> Answer.error("no sign-ups today"));
            assertThatThrownBy(() -> cognito.signUp(r -> r.clientId(app).username("tim").password(PASSWORD)))
                    .isInstanceOf(UserLambdaValidationException.class);

            PrometheusScrape after = PrometheusScrape.now();
            String count = "gatehouse_trigger_calls_seconds_count";
            assertThat(after.delta(before, count, "source", "PreSignUp_SignUp", "outcome", "ok")).isEqualTo(1);
            assertThat(after.delta(before, count, "source", "PreSignUp_SignUp", "outcome", "function_error"))
                    .isEqualTo(1);
            assertThat(after.delta(before, "gatehouse_cognito_requests_seconds_count", "operation", "SignUp",
                    "outcome", "UserLambdaValidationException")).isEqualTo(1);
        }
    }

    @Test
    void metricsThenJvmAndLibertysConnectionPoolSeriesToo() throws Exception {
        PrometheusScrape scrape = PrometheusScrape.now();

        assertThat(scrape.text()).contains("mp_scope=\"base\"");
        assertThat(scrape.names()).anySatisfy(name -> assertThat(name).startsWith("connectionpool_"));
        assertThat(scrape.text()).containsPattern("connectionpool_\\w+\\{datasource=\"jdbc_gatehouse\"");
    }

    @Test
    void healthThenLiveAndReadyNameEachCheckAndWhy() throws Exception {
        JsonNode live = health("/health/live");
        JsonNode ready = health("/health/ready");

        assertThat(live.path("status").asText()).isEqualTo("UP");
        JsonNode server = check(live, "gatehouse-server");
        assertThat(server.path("status").asText()).isEqualTo("UP");
        assertThat(server.path("data").path("deadlockedThreads").asInt(-1)).isZero();
        assertThat(ready.path("status").asText()).isEqualTo("UP");
        JsonNode database = check(ready, "gatehouse-database");
        assertThat(database.path("data").path("product").asText()).isNotEmpty();
        assertThat(Double.parseDouble(database.path("data").path("queryMillis").asText())).isPositive();
        JsonNode dataKey = check(ready, "gatehouse-data-key");
        assertThat(dataKey.path("status").asText()).isEqualTo("UP");
        assertThat(dataKey.path("data").path("keyId").asText()).isNotEmpty();
        assertThat(check(ready, "gatehouse-providers").path("status").asText()).isEqualTo("UP");
        assertThat(check(ready, "gatehouse-token-signing").path("status").asText()).isEqualTo("UP");
    }

    private static JsonNode health(String path) throws Exception {
        HttpResponse<String> response = Gatehouse.HTTP.send(HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve(path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode check : health.path("checks")) {
            if (name.equals(check.path("name").asText())) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + health);
    }

    private static HttpResponse<String> post(String path, String form) throws Exception {
        return Gatehouse.HTTP.send(HttpRequest.newBuilder(Gatehouse.ENDPOINT.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
