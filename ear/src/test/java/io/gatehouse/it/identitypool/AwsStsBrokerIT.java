package io.gatehouse.it.identitypool;

import io.gatehouse.api.credentials.CredentialsBroker;
import io.gatehouse.api.credentials.CredentialsBrokerFactory;
import io.gatehouse.api.credentials.CredentialsException;
import io.gatehouse.api.credentials.CredentialsRequest;
import io.gatehouse.api.credentials.IssuedCredentials;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.api.testing.CredentialsBrokerContract;
import io.gatehouse.it.Gatehouse;
import io.gatehouse.providers.credentials.awssts.AwsStsBrokerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityProvider;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The {@code aws-sts} credentials broker, run in this JVM as the server would run it, against this server's own STS
 * (the same Query protocol as AWS STS, MinIO's and Ceph's): a user signs in to a user pool, gets an identity and the
 * identity-pool issuer's OpenID token (GetId, GetOpenIdToken, with AWS's own CognitoIdentityClient), and the broker
 * exchanges the token for the pool's role with {@code AssumeRoleWithWebIdentity}; AWS's StsClient, signing with the
 * credentials, then asks the STS who it is. Roles the pool does not give, forged tokens and a dead endpoint are the
 * broker's refusals and outages. The broker is the module's packaged jar, its SDK relocated inside it.
 */
class AwsStsBrokerIT {

    private static final String ACCOUNT = "123456789012";
    private static final String USERS = "arn:aws:iam::" + ACCOUNT + ":role/aws-sts-users";
    private static final String GUESTS = "arn:aws:iam::" + ACCOUNT + ":role/aws-sts-guests";
    private static final String ADMINS = "arn:aws:iam::" + ACCOUNT + ":role/aws-sts-admins";

    private static CognitoIdentityProviderClient userPools;
    private static CognitoIdentityClient admin;
    private static CognitoIdentityClient anonymous;
    private static String userPoolId;
    private static String clientId;
    private static String provider;
    private static AwsStsBrokerFactory factory;

    /** An identity of a pool and the OpenID token GetOpenIdToken gave it. */
    private record Identity(String poolId, String id, String token) {
    }

    @BeforeAll
    static void pools() throws Exception {
        userPools = Gatehouse.adminClient();
        admin = Gatehouse.identityAdminClient();
        anonymous = Gatehouse.anonymousIdentityClient();
        userPoolId = userPools.createUserPool(r -> r.poolName("aws-sts-broker")).userPool().id();
        clientId = PoolUsers.passwordClient(userPools, userPoolId, "app");
        provider = "cognito-idp.us-east-1.amazonaws.com/" + userPoolId;
        factory = broker(Gatehouse.ENDPOINT.toString());
    }

    @AfterAll
    static void close() {
        factory.close();
        userPools.close();
        admin.close();
        anonymous.close();
    }

    private static AwsStsBrokerFactory broker(String endpoint) throws Exception {
        AwsStsBrokerFactory created = new AwsStsBrokerFactory();
        created.init(new ProviderConfig(Map.of("endpoint", endpoint, "connect-timeout-ms", "1000",
                "call-timeout-ms", "5000")));
        return created;
    }

    /** An identity pool over the user pool, its roles set; the classic flow (AssumeRoleWithWebIdentity) as given. */
    private static String identityPool(boolean classicFlow) {
        String pool = admin.createIdentityPool(r -> r.identityPoolName("aws-sts broker")
                .allowUnauthenticatedIdentities(true).allowClassicFlow(classicFlow)
                .cognitoIdentityProviders(CognitoIdentityProvider.builder().providerName(provider).clientId(clientId)
                        .build())).identityPoolId();
        admin.setIdentityPoolRoles(r -> r.identityPoolId(pool)
                .roles(Map.of("authenticated", USERS, "unauthenticated", GUESTS)));
        return pool;
    }

    /** A new user, signed in, with an identity in the pool and its OpenID token. */
    private static Identity signedIn(String pool) {
        String idToken = PoolUsers.idToken(userPools, userPoolId, clientId);
        Map<String, String> logins = Map.of(provider, idToken);
        String identityId = anonymous.getId(r -> r.identityPoolId(pool).logins(logins)).identityId();
        String token = anonymous.getOpenIdToken(r -> r.identityId(identityId).logins(logins)).token();
        return new Identity(pool, identityId, token);
    }

    /** A guest identity in the pool and its OpenID token. */
    private static Identity guest(String pool) {
        String identityId = anonymous.getId(r -> r.identityPoolId(pool)).identityId();
        return new Identity(pool, identityId, anonymous.getOpenIdToken(r -> r.identityId(identityId)).token());
    }

    private static CredentialsRequest request(Identity identity, String role, boolean authenticated,
                                              Duration duration) {
        return new CredentialsRequest(identity.poolId(), identity.id(), role, authenticated,
                List.of(authenticated ? "authenticated" : "unauthenticated"), Optional.of(identity.token()),
                Map.of(), duration);
    }

    private static IssuedCredentials issue(CredentialsRequest request) throws CredentialsException {
        try (CredentialsBroker broker = factory.create(ProviderContext.of(Optional.empty(), Clock.systemUTC()))) {
            return broker.issue(request);
        }
    }

    private static CredentialsException refusal(CredentialsRequest request) {
        Throwable thrown = catchThrowable(() -> issue(request));
        assertThat(thrown).isInstanceOf(CredentialsException.class);
        return (CredentialsException) thrown;
    }

    /** AWS's STS client, signing with the credentials, asks this server's STS who they are. */
    private static String whoAmI(IssuedCredentials credentials) {
        try (StsClient sts = Gatehouse.stsClient(credentials.accessKeyId(), credentials.secretAccessKey(),
                credentials.sessionToken())) {
            return sts.getCallerIdentity().arn();
        }
    }

    private static String uuidOf(String identityId) {
        return identityId.substring(identityId.indexOf(':') + 1);
    }

    @Test
    void userWhenThePoolsAuthenticatedRoleThenCredentialsThatTheStsKnowsAsThatRole() throws Exception {
        Identity identity = signedIn(identityPool(true));
        Instant before = Instant.now();
        IssuedCredentials credentials = issue(request(identity, USERS, true, Duration.ofMinutes(20)));

        assertThat(credentials.accessKeyId()).startsWith("ASIA");
        assertThat(credentials.expiration()).as("DurationSeconds=1200 reached the STS")
                .isBetween(before.plusSeconds(1190), Instant.now().plusSeconds(1201));
        assertThat(whoAmI(credentials))
                .startsWith("arn:aws:sts::" + ACCOUNT + ":assumed-role/aws-sts-users/")
                .as("the session is named after the identity").contains(uuidOf(identity.id()));
    }

    @Test
    void guestWhenTheUnauthenticatedRoleThenCredentialsAndNotTheAuthenticatedRole() throws Exception {
        Identity guest = guest(identityPool(true));
        assertThat(whoAmI(issue(request(guest, GUESTS, false, Duration.ofHours(1)))))
                .startsWith("arn:aws:sts::" + ACCOUNT + ":assumed-role/aws-sts-guests/");
        CredentialsException e = refusal(request(guest, USERS, false, Duration.ofHours(1)));
        assertThat(e.reason()).isEqualTo(CredentialsException.Reason.ROLE_REFUSED);
        assertThat(e.getMessage()).contains("AccessDenied").doesNotContain(guest.token());
    }

    @Test
    void roleWhenThePoolDoesNotGiveItThenRoleRefusedWithoutTheToken() {
        Identity identity = signedIn(identityPool(true));
        CredentialsException e = refusal(request(identity, ADMINS, true, Duration.ofHours(1)));
        assertThat(e.reason()).isEqualTo(CredentialsException.Reason.ROLE_REFUSED);
        assertThat(e.getMessage()).contains(ADMINS).contains("AccessDenied").doesNotContain(identity.token());
    }

    @Test
    void poolWhenTheClassicFlowIsOffThenRoleRefused() {
        Identity identity = signedIn(identityPool(false));
        CredentialsException e = refusal(request(identity, USERS, true, Duration.ofHours(1)));
        assertThat(e.reason()).isEqualTo(CredentialsException.Reason.ROLE_REFUSED);
        assertThat(e.getMessage()).contains("AccessDenied");
    }

    @Test
    void tokenWhenItsSignatureIsForgedThenRoleRefused() {
        Identity identity = signedIn(identityPool(true));
        String[] parts = identity.token().split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[0] ^= 0x01;
        String forged = parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(signature);
        CredentialsException e = refusal(request(new Identity(identity.poolId(), identity.id(), forged), USERS, true,
                Duration.ofHours(1)));
        assertThat(e.reason()).isEqualTo(CredentialsException.Reason.ROLE_REFUSED);
        assertThat(e.getMessage()).contains("InvalidIdentityToken").doesNotContain(forged);
    }

    @Test
    void endpointWhenNothingListensThenUnavailableWithinTheTimeout() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Identity identity = signedIn(identityPool(true));
        AwsStsBrokerFactory dead = broker("http://127.0.0.1:" + port);
        try (CredentialsBroker broker = dead.create(ProviderContext.of(Optional.empty(), Clock.systemUTC()))) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> broker.issue(request(identity, USERS, true, Duration.ofHours(1))))
                    .isInstanceOfSatisfying(CredentialsException.class, e -> assertThat(e.reason())
                            .isEqualTo(CredentialsException.Reason.UNAVAILABLE));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        } finally {
            dead.close();
        }
    }

    @Test
    void factoryWhenLoadedThenFromThePackagedJarAsTheServerLoadsIt() {
        CredentialsBrokerFactory loaded = ServiceLoader.load(CredentialsBrokerFactory.class).stream()
                .map(ServiceLoader.Provider::get).filter(f -> f.id().equals("aws-sts")).findFirst()
                .orElseThrow();
        assertThat(loaded.getClass()).isEqualTo(AwsStsBrokerFactory.class);
        assertThat(AwsStsBrokerFactory.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .as("the shaded jar, not target/classes").endsWith(".jar");
    }

    /** The contract every broker keeps, with a real identity of a pool of its own and its real OpenID token. */
    @Nested
    class Contract extends CredentialsBrokerContract {

        private final Identity identity = signedIn(identityPool(true));

        @Override
        protected CredentialsBroker broker() {
            return factory.create(ProviderContext.of(Optional.empty(), Clock.systemUTC()));
        }

        @Override
        protected String acceptedRole() {
            return USERS;
        }

        @Override
        protected Optional<String> refusedRole() {
            return Optional.of(ADMINS);
        }

        @Override
        protected CredentialsRequest request(String role, Duration duration) {
            return AwsStsBrokerIT.request(identity, role, true, duration);
        }
    }
}
