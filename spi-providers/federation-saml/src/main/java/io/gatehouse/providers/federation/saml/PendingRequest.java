package io.gatehouse.providers.federation.saml;

import io.gatehouse.api.federation.FederationException;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the engine keeps for a request this module sent (an AuthnRequest or a LogoutRequest), as compact text
 * {@code saml1:<ID>:<IssueInstant in epoch seconds>}: the answer must name the ID in its {@code InResponseTo}.
 *
 * @param id           the request's ID
 * @param issueInstant when it was made
 */
record PendingRequest(String id, Instant issueInstant) {

    private static final Pattern TEXT = Pattern.compile("saml1:(_[0-9a-f]{32}):(\\d{1,12})");

    PendingRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issueInstant, "issueInstant");
    }

    /** A new request's, with a fresh ID. */
    static PendingRequest fresh(Instant now) {
        return new PendingRequest(OpenSaml.newId(), Instant.ofEpochSecond(now.getEpochSecond()));
    }

    String toText() {
        return "saml1:" + id + ":" + issueInstant.getEpochSecond();
    }

    /**
     * The pending request of {@link #toText()}.
     *
     * @throws FederationException when the text is not one this module made
     */
    static PendingRequest parse(String text) throws FederationException {
        Matcher matcher = TEXT.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw Refusal.invalid("the pending state is not a SAML request's");
        }
        return new PendingRequest(matcher.group(1), Instant.ofEpochSecond(Long.parseLong(matcher.group(2))));
    }
}
