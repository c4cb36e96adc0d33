package io.gatehouse.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.api.testing.CognitoSrpClient;
import io.gatehouse.api.testing.Totp;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.IdentityProviderTypeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Gatehouse through its Cognito API: the pool and users are made with the AWS SDK (signed admin calls), the load is
 * InitiateAuth as an app sends it, without the SDK's own overhead in the driver.
 */
final class GatehouseTarget implements Target {

    private static final String TARGET_PREFIX = "AWSCognitoIdentityProviderService.";
    private static final long TOTP_STEP_SECONDS = 30;
    /** The upstream IdP's name in the pool; its users are {@code Upstream_<sub>}. */
    private static final String UPSTREAM = "Upstream";

    private final URI endpoint;
    private final String adminKey;
    private final String adminSecret;
    private String clientId;
    private String poolId;
    /** The pool's threat protection mode (UserPoolAddOns AdvancedSecurityMode), if {@link #withThreatProtection} set one. */
    private String threatProtection;
    /** The pool's PreTokenGeneration target (LambdaConfig), if {@link #withPreTokenGeneration} named one. */
    private String preTokenGeneration;
    /**
     * One SRP client per load thread: its secret a (256 bits, as the server's b, rather than the libraries' 1024,
     * which cost the driver 4.5-6.6 ms of CPU a sign-in against 2.2-2.9 ms, on cores it shares with the server), and
     * each user's g^x, computed once.
     */
    private final ThreadLocal<CognitoSrpClient> srp =
            ThreadLocal.withInitial(() -> CognitoSrpClient.forPool(poolId, 256));


    /** The authenticator users' secrets, and the time step of each one's last accepted code. */
    private String[] totpSecrets;
    private AtomicLongArray lastTotpStep;

    GatehouseTarget(URI endpoint, String adminKey, String adminSecret) {
        this.endpoint = endpoint;
        this.adminKey = adminKey;
        this.adminSecret = adminSecret;
    }

    /**
     * Makes {@link #setUp} give the pool a PreTokenGeneration trigger (V1, the LambdaConfig member of that name):
     * {@code java:<provider-id>} or a webhook URL.
     */
    GatehouseTarget withPreTokenGeneration(String target) {
        this.preTokenGeneration = target;
        return this;
    }

    /** Makes {@link #setUp} give the pool this threat protection mode: {@code ENFORCED}, {@code AUDIT} or {@code OFF}. */
    GatehouseTarget withThreatProtection(String mode) {
        this.threatProtection = mode;
        return this;
    }

    @Override
    public void setUp(int users) {
        try (CognitoIdentityProviderClient cognito = admin()) {
            poolId = cognito.createUserPool(r -> {
                r.poolName("bench-" + System.currentTimeMillis());
                if (preTokenGeneration != null) {
                    r.lambdaConfig(l -> l.preTokenGeneration(preTokenGeneration));
                }
                if (threatProtection != null) {
                    r.userPoolAddOns(a -> a.advancedSecurityMode(threatProtection));
                }
            }).userPool().id();
            clientId = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("bench")
                    .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH, ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                            ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)).userPoolClient().clientId();
            for (int user = 0; user < users; user++) {
                String username = Users.name(user);
                cognito.signUp(r -> r.clientId(clientId).username(username).password(Users.PASSWORD));
                cognito.adminConfirmSignUp(r -> r.userPoolId(poolId).username(username));
            }
        }
    }

    @Override
    public String signIn(int user) throws IOException, InterruptedException {
        JsonNode result = call("InitiateAuth", Map.of("AuthFlow", "USER_PASSWORD_AUTH", "ClientId", clientId,
                "AuthParameters", Map.of("USERNAME", Users.name(user), "PASSWORD", Users.PASSWORD)));
        return result.path("AuthenticationResult").path("RefreshToken").asText();
    }

    /** Signs user number {@code user} in with a password, as {@link #signIn}; the ID token it returned. */
    String idTokenOf(int user) throws IOException, InterruptedException {
        return tokensOf(user).path("IdToken").asText();
    }

    /** Signs user number {@code user} in with a password, as {@link #signIn}; its AuthenticationResult. */
    JsonNode tokensOf(int user) throws IOException, InterruptedException {
        JsonNode result = call("InitiateAuth", Map.of("AuthFlow", "USER_PASSWORD_AUTH", "ClientId", clientId,
                "AuthParameters", Map.of("USERNAME", Users.name(user), "PASSWORD", Users.PASSWORD)));
        return result.path("AuthenticationResult");
    }

    /** GetUser with an access token: the user's name, as the server answered it. */
    String getUser(String accessToken) throws IOException {
        return Http.send(request("GetUser", Map.of("AccessToken", accessToken))).path("Username").asText();
    }

    /** The user pool {@link #setUp} made. */
    String poolId() {
        return poolId;
    }

    /** The app client {@link #setUp} made. */
    String clientId() {
        return clientId;
    }

    @Override
    public String signInWithSrp(int user) throws Exception {
        CognitoSrpClient client = srp.get();
        JsonNode challenge = Http.send(request("InitiateAuth", Map.of("AuthFlow", "USER_SRP_AUTH", "ClientId", clientId,
                "AuthParameters", Map.of("USERNAME", Users.name(user), "SRP_A", client.srpA()))));
        Map<String, String> parameters = new HashMap<>();
        challenge.path("ChallengeParameters").properties().forEach(e -> parameters.put(e.getKey(), e.getValue().asText()));
        if (parameters.get("SRP_B") == null) {
            throw new IOException("no PASSWORD_VERIFIER challenge in " + challenge);
        }
        JsonNode result = call("RespondToAuthChallenge", Map.of("ChallengeName", "PASSWORD_VERIFIER",
                "ClientId", clientId, "Session", challenge.path("Session").asText(),
                "ChallengeResponses", client.answer(parameters, Users.PASSWORD, Instant.now())));
        return result.path("AuthenticationResult").path("RefreshToken").asText();
    }

    @Override
    public void setUpTotp(int users) throws Exception {
        totpSecrets = new String[users];
        lastTotpStep = new AtomicLongArray(users);
        try (CognitoIdentityProviderClient cognito = admin()) {
            cognito.setUserPoolMfaConfig(r -> r.userPoolId(poolId).mfaConfiguration(UserPoolMfaType.OPTIONAL)
                    .softwareTokenMfaConfiguration(t -> t.enabled(true)));
        }
        // Six calls a user; eight threads make 20,000 users in about a minute on two cores.
        ExecutorService threads = Executors.newFixedThreadPool(8);
        ThreadLocal<CognitoIdentityProviderClient> clients = ThreadLocal.withInitial(this::admin);
        List<Future<?>> made = new ArrayList<>();
        for (int user = 0; user < users; user++) {
            int u = user;
            made.add(threads.submit(() -> {
                enrolTotpUser(clients.get(), u);
                return null;
            }));
        }
        for (Future<?> one : made) {
            one.get();
        }
        threads.shutdown();
    }

    private void enrolTotpUser(CognitoIdentityProviderClient cognito, int user) {
        String username = totpName(user);
        cognito.adminCreateUser(r -> r.userPoolId(poolId).username(username).messageAction(MessageActionType.SUPPRESS));
        cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username(username).password(Users.PASSWORD)
                .permanent(true));
        String access = cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", Users.PASSWORD))).authenticationResult()
                .accessToken();
        String secret = cognito.associateSoftwareToken(r -> r.accessToken(access)).secretCode();
        long step = Instant.now().getEpochSecond() / TOTP_STEP_SECONDS;
        cognito.verifySoftwareToken(r -> r.accessToken(access).userCode(Totp.codeOfStep(secret, step)));
        cognito.adminSetUserMFAPreference(r -> r.userPoolId(poolId).username(username)
                .softwareTokenMfaSettings(t -> t.enabled(true).preferredMfa(true)));
        totpSecrets[user] = secret;
        lastTotpStep.set(user, step);
    }

    @Override
    public boolean signInWithTotp(int user) throws Exception {
        long now = Instant.now().getEpochSecond() / TOTP_STEP_SECONDS;
        long last = lastTotpStep.get(user);
        // The next step the server takes from this user: after their last, and within its one step of drift ahead.
        long step = Math.max(last + 1, now);
        if (step > now + 1 || !lastTotpStep.compareAndSet(user, last, step)) {
            return false;
        }
        String username = totpName(user);
        JsonNode challenge = Http.send(request("InitiateAuth", Map.of("AuthFlow", "USER_PASSWORD_AUTH",
                "ClientId", clientId, "AuthParameters", Map.of("USERNAME", username, "PASSWORD", Users.PASSWORD))));
        if (!"SOFTWARE_TOKEN_MFA".equals(challenge.path("ChallengeName").asText())) {
            throw new IOException("no SOFTWARE_TOKEN_MFA challenge in " + challenge);
        }
        call("RespondToAuthChallenge", Map.of("ChallengeName", "SOFTWARE_TOKEN_MFA", "ClientId", clientId,
                "Session", challenge.path("Session").asText(), "ChallengeResponses", Map.of("USERNAME", username,
                        "SOFTWARE_TOKEN_MFA_CODE", Totp.codeOfStep(totpSecrets[user], step))));
        return true;
    }

    /**
     * An OIDC IdP {@value #UPSTREAM} (CreateIdentityProvider: the endpoints from the issuer's discovery document, the
     * client secret sent with HTTP Basic, the claims mapped to four attributes) and an app client that names it.
     */
    @Override
    public BrokeredSignIn.App setUpFederation(UpstreamIdp upstream) {
        try (CognitoIdentityProviderClient cognito = admin()) {
            cognito.createIdentityProvider(r -> r.userPoolId(poolId).providerName(UPSTREAM)
                    .providerType(IdentityProviderTypeType.OIDC)
                    .providerDetails(Map.of("client_id", "gatehouse-bench", "client_secret", "bench-upstream-secret",
                            "authorize_scopes", "openid email profile", "oidc_issuer", upstream.issuer().toString(),
                            "attributes_request_method", "GET"))
                    .attributeMapping(Map.of("email", "email", "email_verified", "email_verified",
                            "given_name", "given_name", "family_name", "family_name")));
            String appId = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("bench-federated")
                    .allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE)
                    .allowedOAuthScopes("openid", "email", "profile")
                    .callbackURLs(BrokeredSignIn.APP_CALLBACK.toString()).supportedIdentityProviders(UPSTREAM))
                    .userPoolClient().clientId();
            return new BrokeredSignIn.App(endpoint.resolve("/oauth2/authorize"),
                    Map.of("identity_provider", UPSTREAM), endpoint.resolve("/oauth2/token"), appId,
                    BrokeredSignIn.APP_CALLBACK);
        }
    }

    /**
     * The IdPs {@code Saml} (IDPInit) and {@code SamlEncrypted} (IDPInit, EncryptedResponses), both from the same
     * metadata with {@code email} mapped, and a confidential app client (GenerateSecret) with the code flow.
     */
    @Override
    public SamlSignIns.Pool setUpSaml(String idpMetadataXml) throws Exception {
        try (CognitoIdentityProviderClient cognito = admin()) {
            for (SamlSignIns.Kind kind : SamlSignIns.Kind.values()) {
                Map<String, String> details = new HashMap<>(Map.of("MetadataFile", idpMetadataXml, "IDPInit", "true"));
                if (kind == SamlSignIns.Kind.ENCRYPTED) {
                    details.put("EncryptedResponses", "true");
                }
                cognito.createIdentityProvider(r -> r.userPoolId(poolId).providerName(kind.providerName)
                        .providerType(IdentityProviderTypeType.SAML).providerDetails(details)
                        .attributeMapping(Map.of("email", "email")));
            }
            String appId = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("bench-saml")
                    .generateSecret(true).allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE)
                    .allowedOAuthScopes("openid", "email").callbackURLs(SamlSignIns.CALLBACK.toString())
                    .supportedIdentityProviders(Arrays.stream(SamlSignIns.Kind.values()).map(k -> k.providerName)
                            .toList())).userPoolClient().clientId();
            return new SamlSignIns.Pool(endpoint, poolId, appId, encryptionCertificate());
        }
    }

    /** The pool's encryption certificate, as an IdP reads it from the SP metadata ({@code use="encryption"}). */
    private X509Certificate encryptionCertificate() throws Exception {
        Http.Answer metadata = Http.exchange(ClassicRequestBuilder.get(endpoint.resolve("/saml2/metadata?user_pool_id="
                + poolId)));
        if (metadata.status() != 200) {
            throw new IOException("the SP metadata: HTTP " + metadata.status());
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                metadata.body().getBytes(StandardCharsets.UTF_8)));
        NodeList keys = document.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:metadata", "KeyDescriptor");
        for (int i = 0; i < keys.getLength(); i++) {
            Element key = (Element) keys.item(i);
            if ("encryption".equals(key.getAttribute("use"))) {
                String text = key.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "X509Certificate")
                        .item(0).getTextContent();
                return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                        new ByteArrayInputStream(Base64.getMimeDecoder().decode(text)));
            }
        }
        throw new IOException("no encryption certificate in the pool's SP metadata");
    }

    private static String totpName(int user) {
        return "totp" + user;
    }

    /** How many auth events user number {@code user} has (AdminListUserAuthEvents, its first page of 60). */
    int authEventCount(int user) {
        try (CognitoIdentityProviderClient cognito = admin()) {
            return cognito.adminListUserAuthEvents(r -> r.userPoolId(poolId).username(Users.name(user))
                    .maxResults(60)).authEvents().size();
        }
    }

    /** The error AdminListUserAuthEvents answers for user number {@code user}, or {@code none}. */
    String authEventsRefusal(int user) {
        try (CognitoIdentityProviderClient cognito = admin()) {
            cognito.adminListUserAuthEvents(r -> r.userPoolId(poolId).username(Users.name(user)).maxResults(1));
            return "none";
        } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
            return e.awsErrorDetails().errorCode();
        }
    }

    CognitoIdentityProviderClient admin() {
        return CognitoIdentityProviderClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(adminKey, adminSecret)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Override
    public String refresh(String refreshToken) throws IOException, InterruptedException {
        JsonNode result = call("InitiateAuth", Map.of("AuthFlow", "REFRESH_TOKEN_AUTH", "ClientId", clientId,
                "AuthParameters", Map.of("REFRESH_TOKEN", refreshToken)));
        if (!result.path("AuthenticationResult").has("AccessToken")) {
            throw new IOException("no access token in " + result);
        }
        return refreshToken;
    }

    private ClassicRequestBuilder request(String operation, Object body) throws IOException {
        return Http.postJson(endpoint, body)
                .setHeader("Content-Type", "application/x-amz-json-1.1")
                .setHeader("X-Amz-Target", TARGET_PREFIX + operation);
    }

    private JsonNode call(String operation, Object body) throws IOException, InterruptedException {
        JsonNode result = Http.send(request(operation, body));
        if (!result.path("AuthenticationResult").has("IdToken")) {
            throw new IOException(operation + " returned no tokens: " + result);
        }
        return result;
    }
}
