package io.gatehouse.api.trigger;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Tokens about to be issued (TokenGeneration_HostedAuth, _Authentication, _NewPasswordChallenge,
 * _AuthenticateDevice, _RefreshTokens, and in V3 _ClientCredentials): the trigger may change their claims, scopes
 * and groups.
 *
 * @param context the envelope; version 1, 2 or 3 as the pool's PreTokenGenerationConfig says
 * @param userAttributes the user's attributes (empty for client credentials)
 * @param groupConfiguration the groups
 * @param scopes the access token's scopes (V2 and V3)
 * @param clientMetadata the call's ClientMetadata
 */
public record PreTokenGenerationEvent(TriggerContext context, Map<String, String> userAttributes,
                                      GroupConfiguration groupConfiguration, List<String> scopes,
                                      Map<String, String> clientMetadata) {

    public PreTokenGenerationEvent {
        Objects.requireNonNull(context, "context");
        userAttributes = Map.copyOf(userAttributes);
        Objects.requireNonNull(groupConfiguration, "groupConfiguration");
        scopes = List.copyOf(scopes);
        clientMetadata = Map.copyOf(clientMetadata);
    }
}
