package io.gatehouse.providers.federation.saml;

import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.Outgoing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * SAML's HTTP-POST binding (bindings 3.5), on strings: the message's XML base64'd into a form field
 * ({@code SAMLRequest} or {@code SAMLResponse}) with {@code RelayState}, which the engine's page posts. A message
 * sent this way is signed inside its XML, never in the form.
 */
final class PostBinding {

    /** Cognito refuses a SAMLResponse longer than this many characters. */
    static final int MAX_PARAMETER = 100_000;

    private PostBinding() {
    }

    /** The form that posts {@code xml} to {@code destination} as {@code parameter}. */
    static Outgoing.FormPost encode(URI destination, String parameter, String xml, Optional<String> relayState) {
        Map<String, String> fields = new HashMap<>();
        fields.put(parameter, Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)));
        relayState.ifPresent(state -> fields.put("RelayState", state));
        return new Outgoing.FormPost(destination, fields);
    }

    /**
     * The XML of a posted parameter: at most {@link #MAX_PARAMETER} characters of base64 (line breaks, which some
     * IdPs insert, are allowed; nothing else).
     */
    static byte[] decode(String value, String parameter) throws FederationException {
        if (value.length() > MAX_PARAMETER) {
            throw Refusal.invalid("the " + parameter + " parameter is longer than " + MAX_PARAMETER + " characters");
        }
        try {
            return Base64.getDecoder().decode(value.replaceAll("[\\r\\n\\t ]", ""));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("the " + parameter + " parameter is not base64");
        }
    }
}
