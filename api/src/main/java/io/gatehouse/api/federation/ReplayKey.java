package io.gatehouse.api.federation;

import java.time.Instant;
import java.util.Objects;

/**
 * What makes an IdP's answer single-use (a SAML assertion's {@code ID}): the engine accepts each key once per IdP
 * until {@code until}, across every node, and refuses the sign-in when it has seen the key before.
 *
 * @param id    the identifier the IdP gave the message
 * @param until when the message stops being acceptable anyway (its {@code NotOnOrAfter}); the engine forgets the
 *              key after that
 */
public record ReplayKey(String id, Instant until) {

    public ReplayKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(until, "until");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a replay key needs an id");
        }
    }
}
