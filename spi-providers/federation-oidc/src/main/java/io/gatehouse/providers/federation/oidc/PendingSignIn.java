package io.gatehouse.providers.federation.oidc;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.Nonce;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationException.Reason;

import java.text.ParseException;
import java.util.Map;

/**
 * What one sign-in needs back to be completed, and no other: the PKCE verifier (the code was issued for this
 * sign-in's challenge) and the nonce (the ID token was issued for this sign-in). The engine keeps it on the server;
 * its JSON form carries a format tag so that a later version can still read one begun before an upgrade.
 */
record PendingSignIn(CodeVerifier codeVerifier, Nonce nonce) {

    private static final String FORMAT = "oidc1";

    /** A fresh sign-in: 256 random bits each for the verifier and the nonce. */
    static PendingSignIn fresh() {
        return new PendingSignIn(new CodeVerifier(), new Nonce());
    }

    String toJson() {
        return JSONObjectUtils.toJSONString(Map.of(
                "format", FORMAT,
                "code_verifier", codeVerifier.getValue(),
                "nonce", nonce.getValue()));
    }

    static PendingSignIn fromJson(String json) throws FederationException {
        try {
            Map<String, Object> object = JSONObjectUtils.parse(json, 4096);
            if (!FORMAT.equals(JSONObjectUtils.getString(object, "format"))) {
                throw new ParseException("unknown format", 0);
            }
            return new PendingSignIn(new CodeVerifier(required(object, "code_verifier")),
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
        return "PendingSignIn[]";
    }
}
