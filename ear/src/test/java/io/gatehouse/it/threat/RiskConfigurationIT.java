package io.gatehouse.it.threat;

import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AccountTakeoverEventActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdvancedSecurityModeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CompromisedCredentialsEventActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EventFilterType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RiskConfigurationType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolAddOnNotEnabledException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SetRiskConfiguration and DescribeRiskConfiguration through the AWS SDK: a pool's settings, a client's own that
 * replace them, resets, and what Gatehouse refuses.
 */
class RiskConfigurationIT {

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

    private static String appClient(String pool) {
        return cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("web")).userPoolClient().clientId();
    }

    private static RiskConfigurationType describe(String pool, String client) {
        return cognito.describeRiskConfiguration(r -> r.userPoolId(pool).clientId(client)).riskConfiguration();
    }

    @Test
    void poolSettingsWhenSetThenDescribedForThePoolAndItsClientsUntilAClientHasItsOwn() {
        String pool = pool("risk-settings");
        String client = appClient(pool);
        RiskConfigurationType none = describe(pool, null);
        assertThat(none.userPoolId()).isEqualTo(pool);
        assertThat(none.compromisedCredentialsRiskConfiguration()).isNull();

        RiskConfigurationType set = cognito.setRiskConfiguration(r -> r.userPoolId(pool)
                .compromisedCredentialsRiskConfiguration(c -> c.eventFilter(EventFilterType.SIGN_UP)
                        .actions(a -> a.eventAction(CompromisedCredentialsEventActionType.NO_ACTION)))
                .accountTakeoverRiskConfiguration(t -> t.actions(a -> a
                        .highAction(h -> h.eventAction(AccountTakeoverEventActionType.BLOCK).sendNotification(false))))
                .riskExceptionConfiguration(e -> e.blockedIPRangeList("192.0.2.0/24")
                        .skippedIPRangeList("10.0.0.0/8"))).riskConfiguration();
        assertThat(set.clientId()).isEqualTo("ALL");
        assertThat(set.lastModifiedDate()).isNotNull();

        RiskConfigurationType forClient = describe(pool, client);
        assertThat(forClient.clientId()).isEqualTo("ALL");
        assertThat(forClient.compromisedCredentialsRiskConfiguration().eventFilter())
                .containsExactly(EventFilterType.SIGN_UP);
        assertThat(forClient.accountTakeoverRiskConfiguration().actions().highAction().eventAction())
                .isEqualTo(AccountTakeoverEventActionType.BLOCK);
        assertThat(forClient.riskExceptionConfiguration().blockedIPRangeList()).containsExactly("192.0.2.0/24");

        cognito.setRiskConfiguration(r -> r.userPoolId(pool).clientId(client)
                .compromisedCredentialsRiskConfiguration(c -> c
                        .actions(a -> a.eventAction(CompromisedCredentialsEventActionType.BLOCK))));
        RiskConfigurationType own = describe(pool, client);
        assertThat(own.clientId()).isEqualTo(client);
        assertThat(own.compromisedCredentialsRiskConfiguration().actions().eventAction())
                .isEqualTo(CompromisedCredentialsEventActionType.BLOCK);
        assertThat(own.accountTakeoverRiskConfiguration()).isNull();

        // The client's reset: it inherits the pool's again.
        cognito.setRiskConfiguration(r -> r.userPoolId(pool).clientId(client));
        assertThat(describe(pool, client).clientId()).isEqualTo("ALL");
        // The pool's reset: defaults.
        cognito.setRiskConfiguration(r -> r.userPoolId(pool));
        assertThat(describe(pool, client).compromisedCredentialsRiskConfiguration()).isNull();
    }

    @Test
    void badSettingsAreRefusedWithCognitosErrors() {
        String pool = pool("risk-refusals");
        String client = appClient(pool);
        assertThatThrownBy(() -> cognito.setRiskConfiguration(r -> r.userPoolId(pool).clientId(client)
                .riskExceptionConfiguration(e -> e.blockedIPRangeList("192.0.2.0/24"))))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> cognito.setRiskConfiguration(r -> r.userPoolId(pool)
                .riskExceptionConfiguration(e -> e.blockedIPRangeList("not-a-range"))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("CIDR");
        assertThatThrownBy(() -> describe(pool, "nosuchclient1234"))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> describe("us-east-1_NoSuchPool", null))
                .isInstanceOf(ResourceNotFoundException.class);
        // Nothing was stored by the refused calls.
        assertThat(describe(pool, null).riskExceptionConfiguration()).isNull();

        cognito.updateUserPool(r -> r.userPoolId(pool)
                .userPoolAddOns(a -> a.advancedSecurityMode(AdvancedSecurityModeType.OFF)));
        assertThatThrownBy(() -> cognito.setRiskConfiguration(r -> r.userPoolId(pool)
                .compromisedCredentialsRiskConfiguration(c -> c
                        .actions(a -> a.eventAction(CompromisedCredentialsEventActionType.BLOCK)))))
                .isInstanceOf(UserPoolAddOnNotEnabledException.class);
    }
}
