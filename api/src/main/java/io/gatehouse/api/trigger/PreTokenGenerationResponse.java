package io.gatehouse.api.trigger;

import java.util.Objects;
import java.util.Optional;

/**
 * What a pre token generation trigger changes: the ID token's claims (V1 and later), the access token's claims and
 * scopes (V2 and later), and the groups.
 *
 * @param idToken the ID token's changes
 * @param accessToken the access token's changes (V1 triggers make none)
 * @param groupOverrides the groups, when the trigger sets them
 */
public record PreTokenGenerationResponse(TokenOverrides idToken, TokenOverrides accessToken,
                                         Optional<GroupOverrides> groupOverrides) {

    public PreTokenGenerationResponse {
        Objects.requireNonNull(idToken, "idToken");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(groupOverrides, "groupOverrides");
    }
}
