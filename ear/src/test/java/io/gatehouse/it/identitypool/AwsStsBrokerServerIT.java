package io.gatehouse.it.identitypool;

import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.support.ProviderInstaller;
import io.gatehouse.providers.credentials.awssts.AwsStsBrokerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.CognitoIdentityProvider;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentity.model.InvalidIdentityPoolConfigurationException;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.gatehouse.it.support.ProviderInstaller.awaitReadiness;
import static io.gatehouse.it.support.ProviderInstaller.providers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code aws-sts} broker inside the server, as an operator deploys it: its jar installed with the documented
 * script, the server's broker switched to it, its endpoint this server's own STS. GetCredentialsForIdentity then
 * goes out through the provider, with the OpenID token the server signs, to {@code AssumeRoleWithWebIdentity} and
 * back; the session the STS names after the identity (where {@code local-sts} names it
 * {@code CognitoIdentityCredentials}) shows which way the credentials came.
 */
class AwsStsBrokerServerIT {

    private static final String USERS = "arn:aws:iam::123456789012:role/aws-sts-server-users";
    private static final String GUESTS = "arn:aws:iam::123456789012:role/aws-sts-server-guests";
    private static final Path VARIABLES = Gatehouse.serverDir().resolve("configDropins/overrides/aws-sts-it.xml");

    private String jarName;

    @AfterEach
    void uninstall() throws Exception {
        Files.deleteIfExists(VARIABLES);
        if (jarName != null) {
            ProviderInstaller.remove(List.of(jarName));
            awaitReadiness(ready -> providers(ready).isObject() && ready.path("status").asText().equals("UP")
                    && !providers(ready).has("credentials-broker/aws-sts"));
        }
    }

    @Test
    void serverWhenItsBrokerIsAwsStsThenCredentialsComeThroughAssumeRoleWithWebIdentity() throws Exception {
        Files.createDirectories(VARIABLES.getParent());
        Files.writeString(VARIABLES, "<server>\n"
                + "  <variable name=\"gatehouse.identity-pools.credentials-broker\" value=\"aws-sts\"/>\n"
                + "  <variable name=\"gatehouse.spi.credentials-broker.aws-sts.endpoint\" value=\""
                + Gatehouse.ENDPOINT + "\"/>\n"
                + "  <variable name=\"gatehouse.spi.credentials-broker.aws-sts.call-timeout-ms\" value=\"5000\"/>\n"
                + "</server>\n");
        Path jar = Path.of(AwsStsBrokerFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(jar.toString()).as("the provider's packaged jar").endsWith(".jar");
        jarName = jar.getFileName().toString();
        ProviderInstaller.install(jar);
        assertThat(awaitReadiness(r -> providers(r).has("credentials-broker/aws-sts")).path("status").asText())
                .isEqualTo("UP");

        try (CognitoIdentityProviderClient userPools = Gatehouse.adminClient();
             CognitoIdentityClient admin = Gatehouse.identityAdminClient();
             CognitoIdentityClient anonymous = Gatehouse.anonymousIdentityClient()) {
            String userPoolId = userPools.createUserPool(r -> r.poolName("aws-sts-server")).userPool().id();
            String clientId = PoolUsers.passwordClient(userPools, userPoolId, "app");
            String provider = "cognito-idp.us-east-1.amazonaws.com/" + userPoolId;
            // This server's STS takes the pool's tokens only with the classic flow, as AWS's trust policy decides.
            String pool = admin.createIdentityPool(r -> r.identityPoolName("aws-sts server")
                    .allowUnauthenticatedIdentities(true).allowClassicFlow(true)
                    .cognitoIdentityProviders(CognitoIdentityProvider.builder().providerName(provider)
                            .clientId(clientId).build())).identityPoolId();
            admin.setIdentityPoolRoles(r -> r.identityPoolId(pool)
                    .roles(Map.of("authenticated", USERS, "unauthenticated", GUESTS)));

            String idToken = PoolUsers.idToken(userPools, userPoolId, clientId);
            String identityId = anonymous.getId(r -> r.identityPoolId(pool).logins(Map.of(provider, idToken)))
                    .identityId();
            Credentials credentials = anonymous.getCredentialsForIdentity(r -> r.identityId(identityId)
                    .logins(Map.of(provider, idToken))).credentials();
            assertThat(whoAmI(credentials))
                    .startsWith("arn:aws:sts::123456789012:assumed-role/aws-sts-server-users/")
                    .contains(identityId.substring(identityId.indexOf(':') + 1));

            // A pool whose tokens the STS does not take: the broker's refusal is Cognito's configuration error.
            String closed = admin.createIdentityPool(r -> r.identityPoolName("aws-sts server, no classic flow")
                    .allowUnauthenticatedIdentities(true).allowClassicFlow(false)).identityPoolId();
            admin.setIdentityPoolRoles(r -> r.identityPoolId(closed).roles(Map.of("unauthenticated", GUESTS)));
            String guest = anonymous.getId(r -> r.identityPoolId(closed)).identityId();
            assertThatThrownBy(() -> anonymous.getCredentialsForIdentity(r -> r.identityId(guest)))
                    .isInstanceOf(InvalidIdentityPoolConfigurationException.class)
                    .hasMessageContaining("AccessDenied");
        }
    }

    private static String whoAmI(Credentials credentials) {
        try (StsClient sts = Gatehouse.stsClient(credentials.accessKeyId(), credentials.secretKey(),
                credentials.sessionToken())) {
            return sts.getCallerIdentity().arn();
        }
    }
}
