package io.gatehouse.api.trigger;

/**
 * The triggers a pool's {@code LambdaConfig} names, each by its member's name there. A {@code java:<id>} target calls
 * the {@link TriggerProvider} method of the same name.
 */
public enum TriggerKind {
    PRE_SIGN_UP("PreSignUp"),
    CUSTOM_MESSAGE("CustomMessage"),
    POST_CONFIRMATION("PostConfirmation"),
    PRE_AUTHENTICATION("PreAuthentication"),
    POST_AUTHENTICATION("PostAuthentication"),
    DEFINE_AUTH_CHALLENGE("DefineAuthChallenge"),
    CREATE_AUTH_CHALLENGE("CreateAuthChallenge"),
    VERIFY_AUTH_CHALLENGE_RESPONSE("VerifyAuthChallengeResponse"),
    /** {@code PreTokenGeneration}, or {@code PreTokenGenerationConfig.LambdaArn} with its version. */
    PRE_TOKEN_GENERATION("PreTokenGeneration"),
    USER_MIGRATION("UserMigration"),
    /** {@code CustomSMSSender.LambdaArn}. */
    CUSTOM_SMS_SENDER("CustomSMSSender"),
    /** {@code CustomEmailSender.LambdaArn}. */
    CUSTOM_EMAIL_SENDER("CustomEmailSender");

    private final String configKey;

    TriggerKind(String configKey) {
        this.configKey = configKey;
    }

    /** The member of Cognito's {@code LambdaConfig} that names this trigger's target. */
    public String configKey() {
        return configKey;
    }
}
