package io.gatehouse.api.trigger;

import java.util.Objects;
import java.util.Optional;

/**
 * The next step of a custom sign-in: a challenge, tokens, or failure.
 *
 * @param challengeName the next challenge (CUSTOM_CHALLENGE, PASSWORD_VERIFIER, SRP_A)
 * @param issueTokens the user is signed in
 * @param failAuthentication the sign-in fails
 */
public record DefineAuthChallengeResponse(Optional<String> challengeName, boolean issueTokens,
                                          boolean failAuthentication) {

    public DefineAuthChallengeResponse {
        Objects.requireNonNull(challengeName, "challengeName");
    }
}
