package io.gatehouse.providers.federation.oauth;

import io.gatehouse.api.federation.DetailKey;
import io.gatehouse.api.federation.InvalidProviderDetailsException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The checks every type's configure() makes of the {@code ProviderDetails} it is given. Messages name the key and,
 * for a value that is no secret, the value; never a secret's.
 */
public final class DetailsRules {

    /** RFC 6749 3.3: scope tokens are printable ASCII but space, '"' and '\'. */
    private static final Pattern SCOPE_TOKEN = Pattern.compile("[\\x21\\x23-\\x5B\\x5D-\\x7E]+");
    /** Client identifiers and secrets are printable (RFC 6749 appendix A: VSCHAR). */
    private static final Pattern VSCHARS = Pattern.compile("[\\x20-\\x7E]+");

    private DetailsRules() {
    }

    /**
     * The requested details without blank values (absent, as Cognito treats them), once every required key has a
     * value and no unknown key is given.
     *
     * @param type the provider type, for the messages
     */
    public static Map<String, String> given(String type, List<DetailKey> keys, Map<String, String> requested)
            throws InvalidProviderDetailsException {
        List<String> names = keys.stream().map(DetailKey::name).toList();
        Map<String, String> details = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        requested.forEach((key, value) -> {
            if (!names.contains(key)) {
                unknown.add(key);
            } else if (value != null && !value.isBlank()) {
                details.put(key, value);
            }
        });
        if (!unknown.isEmpty()) {
            throw new InvalidProviderDetailsException("ProviderDetails of an " + type + " IdP take no "
                    + new TreeSet<>(unknown) + "; they take " + new TreeSet<>(names));
        }
        for (DetailKey key : keys) {
            if (key.required() && !details.containsKey(key.name())) {
                throw new InvalidProviderDetailsException("ProviderDetails of an " + type + " IdP need " + key.name());
            }
        }
        return details;
    }

    /** A client id or secret, when given, is printable ASCII (RFC 6749 appendix A). */
    public static void printable(Map<String, String> details, String key) throws InvalidProviderDetailsException {
        String value = details.get(key);
        if (value != null && !VSCHARS.matcher(value).matches()) {
            throw new InvalidProviderDetailsException(key + " must be printable ASCII");
        }
    }

    /**
     * The scopes of {@code key}, split at {@code separators} (a regular expression: {@code " +"}, or
     * {@code "[ ,]+"} where commas separate too); empty when the key has no value.
     */
    public static List<String> scopes(Map<String, String> details, String key, String separators)
            throws InvalidProviderDetailsException {
        String value = details.get(key);
        if (value == null) {
            return List.of();
        }
        List<String> scopes = Arrays.stream(value.trim().split(separators)).filter(s -> !s.isEmpty()).toList();
        for (String scope : scopes) {
            if (!SCOPE_TOKEN.matcher(scope).matches()) {
                throw new InvalidProviderDetailsException(key + " must be scopes separated by "
                        + (separators.contains(",") ? "spaces or commas" : "spaces") + "; this is not a scope: "
                        + scope);
            }
        }
        return scopes;
    }

    /** The key, when given, has one of these values. */
    public static void oneOf(Map<String, String> details, String key, List<String> allowed)
            throws InvalidProviderDetailsException {
        String value = details.get(key);
        if (value != null && !allowed.contains(value)) {
            throw new InvalidProviderDetailsException(key + " must be one of " + allowed + ", not " + value);
        }
    }

    /** Each of these keys that has a value is a URL by {@link UpstreamUrls}' rule. */
    public static void urls(Map<String, String> details, List<String> keys) throws InvalidProviderDetailsException {
        for (String key : keys) {
            if (details.containsKey(key)) {
                UpstreamUrls.check(key, details.get(key));
            }
        }
    }
}
