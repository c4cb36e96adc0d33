package io.gatehouse.it.cognito;

import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserPoolMfaConfigResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SetUserPoolMfaConfigResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A pool's MFA settings: SetUserPoolMfaConfig, GetUserPoolMfaConfig and MfaConfiguration on the pool calls. */
class MfaConfigIT {

    private static CognitoIdentityProviderClient cognito;

    @BeforeAll
    static void admin() {
        cognito = Gatehouse.adminClient();
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    @Test
    void newPoolWhenNothingSetThenMfaOffAndNoMethodAllowed() {
        String pool = cognito.createUserPool(r -> r.poolName("mfa-default")).userPool().id();

        GetUserPoolMfaConfigResponse config = cognito.getUserPoolMfaConfig(r -> r.userPoolId(pool));

        assertThat(config.mfaConfiguration()).isEqualTo(UserPoolMfaType.OFF);
        assertThat(config.softwareTokenMfaConfiguration().enabled()).isFalse();
        assertThat(config.smsMfaConfiguration()).isNull();
        assertThat(config.emailMfaConfiguration()).isNull();
    }

    @Test
    void setUserPoolMfaConfigWhenOnWithoutAMethodThenRefusedAndNothingChanged() {
        String pool = cognito.createUserPool(r -> r.poolName("mfa-refused")).userPool().id();

        assertThatThrownBy(() -> cognito.setUserPoolMfaConfig(r -> r.userPoolId(pool)
                .mfaConfiguration(UserPoolMfaType.ON).softwareTokenMfaConfiguration(t -> t.enabled(false))))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("can't turn off all MFAs with OPTIONAL or ON MFA configuration");
        assertThat(cognito.getUserPoolMfaConfig(r -> r.userPoolId(pool)).mfaConfiguration())
                .isEqualTo(UserPoolMfaType.OFF);
    }

    @Test
    void setUserPoolMfaConfigWhenMethodsChosenThenKeptThroughUpdateUserPool() {
        String pool = cognito.createUserPool(r -> r.poolName("mfa-methods")).userPool().id();

        SetUserPoolMfaConfigResponse set = cognito.setUserPoolMfaConfig(r -> r.userPoolId(pool)
                .mfaConfiguration(UserPoolMfaType.OPTIONAL).softwareTokenMfaConfiguration(t -> t.enabled(true))
                .smsMfaConfiguration(s -> s.smsAuthenticationMessage("Your sign-in code is {####}")));

        assertThat(set.mfaConfiguration()).isEqualTo(UserPoolMfaType.OPTIONAL);
        assertThat(set.softwareTokenMfaConfiguration().enabled()).isTrue();
        assertThat(set.smsMfaConfiguration().smsAuthenticationMessage()).isEqualTo("Your sign-in code is {####}");
        assertThat(cognito.describeUserPool(r -> r.userPoolId(pool)).userPool().mfaConfiguration())
                .isEqualTo(UserPoolMfaType.OPTIONAL);

        // UpdateUserPool resets what it leaves out, MfaConfiguration included; the methods are not its members.
        cognito.updateUserPool(r -> r.userPoolId(pool).mfaConfiguration(UserPoolMfaType.ON));
        GetUserPoolMfaConfigResponse after = cognito.getUserPoolMfaConfig(r -> r.userPoolId(pool));
        assertThat(after.mfaConfiguration()).isEqualTo(UserPoolMfaType.ON);
        assertThat(after.softwareTokenMfaConfiguration().enabled()).isTrue();
        assertThat(after.smsMfaConfiguration()).isNotNull();
        cognito.updateUserPool(r -> r.userPoolId(pool));
        assertThat(cognito.getUserPoolMfaConfig(r -> r.userPoolId(pool)).mfaConfiguration())
                .isEqualTo(UserPoolMfaType.OFF);

        // A method the request leaves out is no longer allowed.
        cognito.setUserPoolMfaConfig(r -> r.userPoolId(pool).softwareTokenMfaConfiguration(t -> t.enabled(true)));
        assertThat(cognito.getUserPoolMfaConfig(r -> r.userPoolId(pool)).smsMfaConfiguration()).isNull();
    }

    @Test
    void createUserPoolWhenMfaOnThenSmsCodesAllowedAsInCognito() {
        String pool = cognito.createUserPool(r -> r.poolName("mfa-on").mfaConfiguration(UserPoolMfaType.ON)
                .smsAuthenticationMessage("Code: {####}")).userPool().id();

        GetUserPoolMfaConfigResponse config = cognito.getUserPoolMfaConfig(r -> r.userPoolId(pool));

        assertThat(config.mfaConfiguration()).isEqualTo(UserPoolMfaType.ON);
        assertThat(config.smsMfaConfiguration().smsAuthenticationMessage()).isEqualTo("Code: {####}");
        assertThat(config.softwareTokenMfaConfiguration().enabled()).isFalse();
    }
}
