package io.gatehouse.it.cognito;

import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DomainDescriptionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DomainStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** User pool domains: one prefix and one custom domain a pool, unique on the server, as Cognito manages them. */
class DomainsIT {

    private static CognitoIdentityProviderClient cognito;

    @BeforeAll
    static void client() {
        cognito = Gatehouse.adminClient();
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    private static String pool(String name) {
        return cognito.createUserPool(r -> r.poolName(name)).userPool().id();
    }

    private static DomainDescriptionType describe(String domain) {
        return cognito.describeUserPoolDomain(r -> r.domain(domain)).domainDescription();
    }

    @Test
    void prefixDomainWhenCreatedThenDescribedUniqueUpdatedAndDeleted() {
        String pool = pool("shop");
        String prefix = "shop-" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(cognito.createUserPoolDomain(r -> r.userPoolId(pool).domain(prefix)).managedLoginVersion())
                .isEqualTo(1);

        DomainDescriptionType description = describe(prefix);
        assertThat(description.userPoolId()).isEqualTo(pool);
        assertThat(description.status()).isEqualTo(DomainStatusType.ACTIVE);
        assertThat(description.cloudFrontDistribution()).isEqualTo(prefix + "." + Gatehouse.ENDPOINT.getHost());
        assertThat(cognito.describeUserPool(r -> r.userPoolId(pool)).userPool().domain()).isEqualTo(prefix);
        String other = pool("other");
        assertThatThrownBy(() -> cognito.createUserPoolDomain(r -> r.userPoolId(other).domain(prefix)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("already associated");
        assertThatThrownBy(() -> cognito.createUserPoolDomain(r -> r.userPoolId(pool).domain(prefix + "-two")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("already has");
        assertThatThrownBy(() -> cognito.createUserPoolDomain(r -> r.userPoolId(other).domain("my-cognito-login")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("reserved");

        cognito.updateUserPoolDomain(r -> r.userPoolId(pool).domain(prefix).managedLoginVersion(2));
        assertThat(describe(prefix).managedLoginVersion()).isEqualTo(2);

        assertThatThrownBy(() -> cognito.deleteUserPoolDomain(r -> r.userPoolId(other).domain(prefix)))
                .isInstanceOf(InvalidParameterException.class);
        cognito.deleteUserPoolDomain(r -> r.userPoolId(pool).domain(prefix));
        assertThat(describe(prefix).userPoolId()).as("an unknown domain is an empty description").isNull();
        assertThat(cognito.describeUserPool(r -> r.userPoolId(pool)).userPool().domain()).isNull();
    }

    @Test
    void customDomainWhenCreatedThenBesideThePrefixDomainWithItsCertificate() {
        String pool = pool("custom");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String arn = "arn:aws:acm:us-east-1:123456789012:certificate/" + UUID.randomUUID();
        cognito.createUserPoolDomain(r -> r.userPoolId(pool).domain("prefix-" + tag));

        String cloudFront = cognito.createUserPoolDomain(r -> r.userPoolId(pool).domain("login-" + tag)
                .customDomainConfig(c -> c.certificateArn(arn))).cloudFrontDomain();

        assertThat(cloudFront).isEqualTo("login-" + tag);
        assertThat(describe("login-" + tag).customDomainConfig().certificateArn()).isEqualTo(arn);
        assertThat(cognito.describeUserPool(r -> r.userPoolId(pool)).userPool().customDomain())
                .isEqualTo("login-" + tag);
    }
}
