package io.gatehouse.engine.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.json.Json;

/**
 * What an MFA challenge's session carries to its answer.
 *
 * @param challengeState the method's {@code IssuedChallenge.challengeState} (a sent code's salted hash), or empty
 *                       text for a challenge that is not a code (choosing a method, setting one up)
 * @param knownDevice    whether the sign-in came from a device the user confirmed, so its tokens come without a new
 *                       device key
 * @param setUp          for MFA_SETUP, whether the authenticator was verified (VerifySoftwareToken) in this session
 * @param newEmail       for an EMAIL_OTP set up inside the sign-in, the address the user gave, which becomes their
 *                       verified {@code email} only when the code sent there comes back; else empty text
 */
record MfaSessionState(String challengeState, boolean knownDevice, boolean setUp, String newEmail) {

    /** A state with nothing set up and no new address. */
    MfaSessionState(String challengeState, boolean knownDevice) {
        this(challengeState, knownDevice, false, "");
    }

    String toText() {
        return Json.write(Json.MAPPER.createObjectNode().put("challenge", challengeState)
                .put("knownDevice", knownDevice).put("setUp", setUp).put("newEmail", newEmail));
    }

    static MfaSessionState parse(String text) {
        ObjectNode node = Json.parseObject(text == null ? "{}" : text);
        return new MfaSessionState(node.path("challenge").asText(""), node.path("knownDevice").asBoolean(false),
                node.path("setUp").asBoolean(false), node.path("newEmail").asText(""));
    }
}
