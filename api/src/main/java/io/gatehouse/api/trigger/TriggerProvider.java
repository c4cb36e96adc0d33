package io.gatehouse.api.trigger;

import io.gatehouse.api.provider.Provider;

import java.util.Set;

/**
 * Trigger code in Java, run in the server: what a pool's {@code LambdaConfig} member {@code java:<provider-id>} calls,
 * in place of a Lambda function or a webhook. It gets the same event, typed, and answers the same response; throwing
 * {@link TriggerException} is a Lambda function's thrown error (the operation fails with
 * {@code UserLambdaValidationException} and nothing is written). A provider implements the triggers it names in
 * {@link #triggers()}; the engine refuses a pool that points another trigger at it, and never calls the others.
 *
 * <p>A trigger runs inside the operation that fires it, on the request's thread, within the pool's trigger timeout
 * (5 s by default, Cognito's): it must be quick, and must not call the server's API back for the same user.
 */
public interface TriggerProvider extends Provider {

    /** The triggers this provider implements. */
    Set<TriggerKind> triggers();

    default PreSignUpResponse preSignUp(PreSignUpEvent event) throws TriggerException {
        throw unsupported(TriggerKind.PRE_SIGN_UP);
    }

    default void postConfirmation(PostConfirmationEvent event) throws TriggerException {
        throw unsupported(TriggerKind.POST_CONFIRMATION);
    }

    default void preAuthentication(PreAuthenticationEvent event) throws TriggerException {
        throw unsupported(TriggerKind.PRE_AUTHENTICATION);
    }

    default void postAuthentication(PostAuthenticationEvent event) throws TriggerException {
        throw unsupported(TriggerKind.POST_AUTHENTICATION);
    }

    default CustomMessageResponse customMessage(CustomMessageEvent event) throws TriggerException {
        throw unsupported(TriggerKind.CUSTOM_MESSAGE);
    }

    default PreTokenGenerationResponse preTokenGeneration(PreTokenGenerationEvent event) throws TriggerException {
        throw unsupported(TriggerKind.PRE_TOKEN_GENERATION);
    }

    default UserMigrationResponse userMigration(UserMigrationEvent event) throws TriggerException {
        throw unsupported(TriggerKind.USER_MIGRATION);
    }

    default DefineAuthChallengeResponse defineAuthChallenge(DefineAuthChallengeEvent event) throws TriggerException {
        throw unsupported(TriggerKind.DEFINE_AUTH_CHALLENGE);
    }

    default CreateAuthChallengeResponse createAuthChallenge(CreateAuthChallengeEvent event) throws TriggerException {
        throw unsupported(TriggerKind.CREATE_AUTH_CHALLENGE);
    }

    default VerifyAuthChallengeResponseResponse verifyAuthChallengeResponse(VerifyAuthChallengeResponseEvent event)
            throws TriggerException {
        throw unsupported(TriggerKind.VERIFY_AUTH_CHALLENGE_RESPONSE);
    }

    default void customSmsSender(CustomSenderEvent event) throws TriggerException {
        throw unsupported(TriggerKind.CUSTOM_SMS_SENDER);
    }

    default void customEmailSender(CustomSenderEvent event) throws TriggerException {
        throw unsupported(TriggerKind.CUSTOM_EMAIL_SENDER);
    }

    private UnsupportedOperationException unsupported(TriggerKind kind) {
        return new UnsupportedOperationException(getClass().getName() + " does not implement " + kind.configKey());
    }
}
