package io.gatehouse.api.trigger;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A trigger's changes to one token; claims that identify the token or the user cannot be changed (Cognito's list)
 * and are ignored.
 *
 * @param claimsToAddOrOverride claims to set: a String, Number, Boolean, List or Map as JSON has them
 * @param claimsToSuppress claims to leave out (wins over claimsToAddOrOverride)
 * @param scopesToAdd scopes to add (access token, V2 and V3)
 * @param scopesToSuppress scopes to leave out (access token, V2 and V3)
 */
public record TokenOverrides(Map<String, Object> claimsToAddOrOverride, List<String> claimsToSuppress,
                             List<String> scopesToAdd, List<String> scopesToSuppress) {

    public TokenOverrides {
        claimsToAddOrOverride = Collections.unmodifiableMap(new LinkedHashMap<>(claimsToAddOrOverride));
        claimsToSuppress = List.copyOf(claimsToSuppress);
        scopesToAdd = List.copyOf(scopesToAdd);
        scopesToSuppress = List.copyOf(scopesToSuppress);
    }

    /** No change. */
    public static final TokenOverrides NONE = new TokenOverrides(Map.of(), List.of(), List.of(), List.of());
}
