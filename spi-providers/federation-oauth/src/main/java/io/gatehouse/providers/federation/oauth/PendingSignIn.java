package io.gatehouse.providers.federation.oauth;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationException.Reason;

import java.text.ParseException;
import java.util.Map;
import java.util.Objects;

/**
 * What one sign-in needs back to be completed, and no other: the PKCE verifier (the code was issued for this
 * sign-in's challenge) and the nonce (the ID token was issued for this sign-in); a type that sends only one of them
 * ignores the other. The engine keeps it on the server; its JSON form carries the type's format tag, so that one
 * type's pending state is not taken by another and a later version can still read one begun before an upgrade.
 *
 * @param format       the type's tag ({@code oidc1}, {@code google1}...)
 * @param codeVerifier the PKCE verifier
 * @param nonce        the nonce
 */
public record PendingSignIn(String format, CodeVerifier codeVerifier, Nonce nonce) {

    public PendingSignIn {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        Objects.requireNonNull(nonce, "nonce");
    }

    /** A fresh sign-in: 256 random bits each for the verifier and the nonce. */
    public static PendingSignIn fresh(String format) {
        return new PendingSignIn(format, new CodeVerifier(), new Nonce());
    }

    public String toJson() {
        return JSONObjectUtils.toJSONString(Map.of(
                "format", format,
                "code_verifier", codeVerifier.getValue(),
                "nonce", nonce.getValue()));
    }

    /**
     * The pending sign-in a type's {@code begin} made.
     *
     * @throws FederationException {@code INVALID_RESPONSE} when it is not one of {@code format}
     */
    public static PendingSignIn fromJson(String format, String json) throws FederationException {
        try {
            Map<String, Object> object = JSONObjectUtils.parse(json, 4096);
            if (!format.equals(JSONObjectUtils.getString(object, "format"))) {
                throw new ParseException("unknown format", 0);
            }
            return new PendingSignIn(format, new CodeVerifier(required(object, "code_verifier")),
                    new Nonce(required(object, "nonce")));
        } catch (ParseException | IllegalArgumentException e) {
            throw new FederationException(Reason.INVALID_RESPONSE,
                    "the pending sign-in is not one this provider began");
        }
    }

    private static String required(Map<String, Object> object, String name) throws ParseException {
        String value = JSONObjectUtils.getString(object, name);
        if (value == null) {
            throw new ParseException("no " + name, 0);
        }
        return value;
    }

    /** Shows neither value. */
    @Override
    public String toString() {
        return "PendingSignIn[" + format + "]";
    }
}
