package io.gatehouse.engine.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.api.trigger.ChallengeResult;
import io.gatehouse.engine.json.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a custom sign-in (CUSTOM_AUTH) carries from one step to the next, in its challenge's session row, sealed with
 * the data key: whose sign-in it is, its steps so far as DefineAuthChallenge sees them, and for a pending
 * CUSTOM_CHALLENGE what CreateAuthChallenge kept private (the right answer) and the step's metadata. None of it
 * goes to the client.
 *
 * @param sub                 the user's sub, or {@link CustomAuthFlow#NO_USER} when the user does not exist (and
 *                            the client prevents existence errors)
 * @param username            the user's name, or the name the caller gave for a user who does not exist
 * @param session             the steps so far, oldest first
 * @param privateParameters   the pending custom challenge's private parameters; empty for another step
 * @param challengeMetadata   the pending custom challenge's metadata
 */
record CustomAuthState(String sub, String username, List<ChallengeResult> session,
                       Map<String, String> privateParameters, Optional<String> challengeMetadata) {

    CustomAuthState {
        Objects.requireNonNull(sub, "sub");
        Objects.requireNonNull(username, "username");
        session = List.copyOf(session);
        privateParameters = Map.copyOf(privateParameters);
        Objects.requireNonNull(challengeMetadata, "challengeMetadata");
    }

    /** A sign-in that has just begun, with the steps Cognito records before DefineAuthChallenge first runs. */
    static CustomAuthState start(String sub, String username, List<ChallengeResult> session) {
        return new CustomAuthState(sub, username, session, Map.of(), Optional.empty());
    }

    boolean userNotFound() {
        return CustomAuthFlow.NO_USER.equals(sub);
    }

    /** This state with one more step, the pending challenge's parameters dropped. */
    CustomAuthState then(ChallengeResult result) {
        List<ChallengeResult> more = new ArrayList<>(session);
        more.add(result);
        return new CustomAuthState(sub, username, more, Map.of(), Optional.empty());
    }

    /** This state awaiting the answer to a custom challenge. */
    CustomAuthState awaiting(Map<String, String> privateParameters, Optional<String> challengeMetadata) {
        return new CustomAuthState(sub, username, session, privateParameters, challengeMetadata);
    }

    /** Whether a step of this name was passed. */
    boolean passed(String challengeName) {
        return session.stream().anyMatch(r -> r.challengeName().equals(challengeName) && r.challengeResult());
    }

    boolean has(String challengeName) {
        return session.stream().anyMatch(r -> r.challengeName().equals(challengeName));
    }

    String toJson() {
        ObjectNode node = Json.MAPPER.createObjectNode().put("sub", sub).put("username", username);
        ArrayNode steps = node.putArray("session");
        for (ChallengeResult result : session) {
            ObjectNode step = steps.addObject().put("name", result.challengeName())
                    .put("result", result.challengeResult());
            result.challengeMetadata().ifPresent(m -> step.put("metadata", m));
        }
        ObjectNode parameters = node.putObject("private");
        privateParameters.forEach(parameters::put);
        challengeMetadata.ifPresent(m -> node.put("metadata", m));
        return Json.write(node);
    }

    /**
     * Reads a state written by {@link #toJson}.
     *
     * @throws IllegalArgumentException when it is not one
     */
    static CustomAuthState parse(String json) {
        ObjectNode node = Json.parseObject(json);
        if (!node.path("sub").isTextual() || !node.path("username").isTextual() || !node.path("session").isArray()) {
            throw new IllegalArgumentException("not a custom sign-in's state");
        }
        List<ChallengeResult> session = new ArrayList<>();
        for (JsonNode step : node.path("session")) {
            session.add(new ChallengeResult(step.path("name").asText(), step.path("result").asBoolean(),
                    Optional.ofNullable(step.path("metadata").textValue())));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        node.path("private").properties().forEach(e -> parameters.put(e.getKey(), e.getValue().asText()));
        return new CustomAuthState(node.path("sub").asText(), node.path("username").asText(), session, parameters,
                Optional.ofNullable(node.path("metadata").textValue()));
    }

    /** Never shows the private parameters: they hold a challenge's answer. */
    @Override
    public String toString() {
        return "CustomAuthState[" + session.size() + " steps]";
    }
}
