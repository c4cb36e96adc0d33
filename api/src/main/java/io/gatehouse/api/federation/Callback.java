package io.gatehouse.api.federation;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the IdP sent back to the callback: the query's and the posted form's parameters together (an IdP answers
 * with a redirect, or with a form post as Sign in with Apple's {@code response_mode=form_post} and SAML do).
 *
 * @param callbackUri the callback URI the sign-in began with
 * @param parameters  each parameter's values, in order; copied
 * @param rawQuery    the query string exactly as the browser sent it, still URL-encoded, when there was one: SAML's
 *                    HTTP-Redirect binding signs the encoded parameters, which re-encoding would not reproduce
 *                    (since API 1.4)
 */
public record Callback(URI callbackUri, Map<String, List<String>> parameters, Optional<String> rawQuery) {

    public Callback {
        Objects.requireNonNull(callbackUri, "callbackUri");
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(rawQuery, "rawQuery");
    }

    /** A callback without its raw query (API 1.3's form). */
    public Callback(URI callbackUri, Map<String, List<String>> parameters) {
        this(callbackUri, parameters, Optional.empty());
    }

    /**
     * A parameter that must come once: empty when absent.
     *
     * @throws FederationException when it comes more than once, which no IdP sends
     */
    public Optional<String> single(String name) throws FederationException {
        List<String> values = parameters.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new FederationException(FederationException.Reason.INVALID_RESPONSE,
                    "the callback repeats the parameter " + name);
        }
        return values.stream().findFirst();
    }

    /** Never shows the parameters: they hold codes and tokens. */
    @Override
    public String toString() {
        return "Callback" + parameters.keySet();
    }
}
