package io.gatehouse.engine.token;

import java.util.Map;
import java.util.Objects;

/**
 * Why tokens are being made, as the pre token generation trigger is told: its {@code triggerSource}, and the
 * {@code ClientMetadata} of the call that finished the sign-in (Cognito passes RespondToAuthChallenge's, never
 * InitiateAuth's).
 *
 * @param triggerSource  {@code TokenGeneration_Authentication} and the others
 * @param clientMetadata the call's ClientMetadata
 */
public record TokenGeneration(String triggerSource, Map<String, String> clientMetadata) {

    public static final TokenGeneration HOSTED_AUTH = of("TokenGeneration_HostedAuth");
    public static final TokenGeneration AUTHENTICATION = of("TokenGeneration_Authentication");
    public static final TokenGeneration NEW_PASSWORD_CHALLENGE = of("TokenGeneration_NewPasswordChallenge");
    public static final TokenGeneration AUTHENTICATE_DEVICE = of("TokenGeneration_AuthenticateDevice");
    public static final TokenGeneration REFRESH_TOKENS = of("TokenGeneration_RefreshTokens");
    public static final TokenGeneration CLIENT_CREDENTIALS = of("TokenGeneration_ClientCredentials");

    public TokenGeneration {
        Objects.requireNonNull(triggerSource, "triggerSource");
        clientMetadata = Map.copyOf(clientMetadata);
    }

    private static TokenGeneration of(String triggerSource) {
        return new TokenGeneration(triggerSource, Map.of());
    }

    /** The same source with the call's ClientMetadata. */
    public TokenGeneration withClientMetadata(Map<String, String> metadata) {
        return new TokenGeneration(triggerSource, metadata);
    }
}
