package io.gatehouse.providers.federation.oauth;

import io.gatehouse.api.federation.Callback;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationException.Reason;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The IdP's answer to an OAuth 2.0 authorization request as it arrives at the callback (RFC 6749 4.1.2): a code, or
 * an error. Each parameter must come once.
 */
public final class AuthorizationAnswer {

    /** RFC 6749 5.2: an error code is printable ASCII without '"' and '\'; anything else is not shown. */
    private static final Pattern ERROR_CODE = Pattern.compile("[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]{1,64}");

    /** OAuth 2.0's: the user or the IdP refused the request. */
    public static final String ACCESS_DENIED = "access_denied";

    private AuthorizationAnswer() {
    }

    /**
     * The code the callback brings.
     *
     * @param issuers the issuers the IdP may name in an {@code iss} parameter (RFC 9207); a callback that names
     *                another is a mix-up and is refused before the code goes anywhere. Empty: not checked.
     * @throws FederationException {@code ACCESS_DENIED} for {@code error=access_denied}, {@code IDP_ERROR} for
     *                             another error (named when it is a well-formed error code, never described),
     *                             {@code INVALID_RESPONSE} when a parameter repeats, the issuer is another, or there
     *                             is no code
     */
    public static String code(Callback callback, Set<String> issuers) throws FederationException {
        return code(callback, issuers, Set.of(ACCESS_DENIED));
    }

    /**
     * The code the callback brings, from an IdP that says "the user refused" with other error codes too (Apple's
     * {@code user_cancelled_authorize}).
     *
     * @param denials the error codes that are {@code ACCESS_DENIED}
     */
    public static String code(Callback callback, Set<String> issuers, Set<String> denials)
            throws FederationException {
        Optional<String> error = callback.single("error");
        if (error.isPresent()) {
            throw idpError(error.get(), denials);
        }
        // The engine matched the state; it is read here only so that a repeated one is refused like any other.
        callback.single("state");
        Optional<String> iss = callback.single("iss");
        if (!issuers.isEmpty() && iss.isPresent() && !issuers.contains(iss.get())) {
            throw new FederationException(Reason.INVALID_RESPONSE,
                    "the callback comes from another issuer than " + issuers);
        }
        return callback.single("code").filter(c -> !c.isEmpty()).orElseThrow(() ->
                new FederationException(Reason.INVALID_RESPONSE, "the IdP's callback holds neither code nor error"));
    }

    private static FederationException idpError(String code, Set<String> denials) {
        String shown = ERROR_CODE.matcher(code).matches() ? code : "(an unreadable error code)";
        Reason reason = denials.contains(code) ? Reason.ACCESS_DENIED : Reason.IDP_ERROR;
        return new FederationException(reason, "the IdP answered the sign-in with the error " + shown);
    }
}
