package io.gatehouse.engine.users;

import java.util.Map;

/**
 * An answer to a challenge, as RespondToAuthChallenge and AdminRespondToAuthChallenge bring it.
 *
 * @param clientId       the app client
 * @param expectedPoolId the pool an administrator named (AdminRespondToAuthChallenge), or null
 * @param session        the {@code Session} the challenge came with (SRP verifier steps carry theirs in the
 *                       secret block instead)
 * @param responses      the {@code ChallengeResponses}
 * @param clientMetadata the call's {@code ClientMetadata}, for the triggers
 */
public record ChallengeAnswer(String clientId, String expectedPoolId, String session, Map<String, String> responses,
                              Map<String, String> clientMetadata) {

    public ChallengeAnswer {
        responses = Map.copyOf(responses);
        clientMetadata = Map.copyOf(clientMetadata);
    }

    /** An answer without ClientMetadata. */
    public ChallengeAnswer(String clientId, String expectedPoolId, String session, Map<String, String> responses) {
        this(clientId, expectedPoolId, session, responses, Map.of());
    }
}
