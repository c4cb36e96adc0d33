package io.gatehouse.api.trigger;

import java.util.Objects;

/**
 * What every trigger event carries, as Cognito's common envelope names it: {@code version}, {@code triggerSource},
 * {@code region}, {@code userPoolId}, {@code userName} and {@code callerContext}.
 *
 * @param version       the event's version: {@code "1"}, or {@code "2"} / {@code "3"} for pre token generation V2 / V3
 * @param triggerSource why the trigger runs ({@code PreSignUp_SignUp}, {@code TokenGeneration_RefreshTokens}, ...)
 * @param region        the server's region
 * @param userPoolId    the pool
 * @param userName      the user's name (for a user not yet known, the name the caller gave)
 * @param callerContext who called
 */
public record TriggerContext(String version, String triggerSource, String region, String userPoolId, String userName,
                             CallerContext callerContext) {

    public TriggerContext {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(triggerSource, "triggerSource");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(userPoolId, "userPoolId");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(callerContext, "callerContext");
    }

    /**
     * The caller: Cognito's {@code callerContext}.
     *
     * @param awsSdkVersion the SDK the caller named in its user agent, or {@code aws-sdk-unknown-unknown}
     * @param clientId      the app client, or {@code CLIENT_ID_NOT_APPLICABLE} for an administrator's call that named
     *                      none, as Cognito sends
     */
    public record CallerContext(String awsSdkVersion, String clientId) {
        public CallerContext {
            Objects.requireNonNull(awsSdkVersion, "awsSdkVersion");
            Objects.requireNonNull(clientId, "clientId");
        }
    }
}
