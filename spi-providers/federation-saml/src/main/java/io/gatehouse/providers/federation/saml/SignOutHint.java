package io.gatehouse.providers.federation.saml;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * What a LogoutRequest needs to name the user's session at the IdP, kept by the engine with the hosted session as
 * compact text: the form encoding of {@code v=1}, {@code n} (the NameID), {@code f} (its Format), {@code q}
 * (NameQualifier), {@code s} (SPNameQualifier) and {@code i} (the SessionIndex), those present.
 */
record SignOutHint(String nameId, Optional<String> format, Optional<String> nameQualifier,
                   Optional<String> spNameQualifier, Optional<String> sessionIndex) {

    SignOutHint {
        Objects.requireNonNull(nameId, "nameId");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(nameQualifier, "nameQualifier");
        Objects.requireNonNull(spNameQualifier, "spNameQualifier");
        Objects.requireNonNull(sessionIndex, "sessionIndex");
    }

    String toText() {
        StringJoiner text = new StringJoiner("&");
        text.add("v=1");
        text.add("n=" + encode(nameId));
        format.ifPresent(v -> text.add("f=" + encode(v)));
        nameQualifier.ifPresent(v -> text.add("q=" + encode(v)));
        spNameQualifier.ifPresent(v -> text.add("s=" + encode(v)));
        sessionIndex.ifPresent(v -> text.add("i=" + encode(v)));
        return text.toString();
    }

    /** The hint of {@link #toText()}; empty for text this module did not make (another type's, or damaged). */
    static Optional<SignOutHint> parse(String text) {
        Map<String, String> values = new HashMap<>();
        try {
            for (String pair : text.split("&")) {
                int eq = pair.indexOf('=');
                if (eq < 0 || values.put(pair.substring(0, eq), decode(pair.substring(eq + 1))) != null) {
                    return Optional.empty();
                }
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String nameId = values.get("n");
        if (!"1".equals(values.get("v")) || nameId == null || nameId.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new SignOutHint(nameId, Optional.ofNullable(values.get("f")),
                Optional.ofNullable(values.get("q")), Optional.ofNullable(values.get("s")),
                Optional.ofNullable(values.get("i"))));
    }

    /** Never shows the user's identifiers. */
    @Override
    public String toString() {
        return "SignOutHint";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
