package io.gatehouse.providers.federation.apple;

import io.gatehouse.api.federation.DetailKey;
import io.gatehouse.api.federation.InvalidProviderDetailsException;
import io.gatehouse.providers.federation.oauth.DetailsRules;
import io.gatehouse.providers.federation.oauth.DetailsSchema;
import io.gatehouse.providers.federation.oauth.EndpointDefaults;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static io.gatehouse.providers.federation.oauth.DetailNames.AUTHORIZE_SCOPES;
import static io.gatehouse.providers.federation.oauth.DetailNames.AUTHORIZE_URL;
import static io.gatehouse.providers.federation.oauth.DetailNames.CLIENT_ID;
import static io.gatehouse.providers.federation.oauth.DetailNames.JWKS_URI;
import static io.gatehouse.providers.federation.oauth.DetailNames.OIDC_ISSUER;
import static io.gatehouse.providers.federation.oauth.DetailNames.TOKEN_URL;

/**
 * The {@code ProviderDetails} keys of {@code SignInWithApple}, as Cognito names them and fills them in, and one of
 * Gatehouse's own ({@code jwks_uri}). The private key is a secret that Describe never shows, as Cognito keeps it.
 */
final class AppleDetailKeys {

    static final String TEAM_ID = "team_id";
    static final String KEY_ID = "key_id";
    static final String PRIVATE_KEY = "private_key";

    static final List<DetailKey> ALL = List.of(
            DetailKey.plain(CLIENT_ID, true),
            DetailKey.plain(TEAM_ID, true),
            DetailKey.plain(KEY_ID, true),
            new DetailKey(PRIVATE_KEY, true, true, false),
            DetailKey.plain(AUTHORIZE_SCOPES, false),
            DetailKey.plain(AUTHORIZE_URL, false),
            DetailKey.plain(TOKEN_URL, false),
            DetailKey.plain(OIDC_ISSUER, false),
            DetailKey.plain(JWKS_URI, false));

    /** What Cognito fills in: Apple's endpoints and issuer; and Apple's JWK set. */
    static final EndpointDefaults DEFAULTS = new EndpointDefaults()
            .with(AUTHORIZE_URL, "https://appleid.apple.com/auth/authorize")
            .with(TOKEN_URL, "https://appleid.apple.com/auth/token")
            .with(OIDC_ISSUER, "https://appleid.apple.com")
            .with(JWKS_URI, "https://appleid.apple.com/auth/keys");

    /** Apple's team and key identifiers: ten upper-case letters and digits. */
    private static final Pattern APPLE_ID = Pattern.compile("[A-Z0-9]{10}");
    /** The scopes Sign in with Apple has. */
    static final List<String> SCOPES = List.of("name", "email");

    static final DetailsSchema SCHEMA = new DetailsSchema("SignInWithApple", ALL, DEFAULTS,
            List.of(AUTHORIZE_URL, TOKEN_URL, OIDC_ISSUER, JWKS_URI), AppleDetailKeys::check);

    private AppleDetailKeys() {
    }

    private static void check(Map<String, String> details) throws InvalidProviderDetailsException {
        for (String key : List.of(TEAM_ID, KEY_ID)) {
            if (!APPLE_ID.matcher(details.get(key)).matches()) {
                throw new InvalidProviderDetailsException(key + " must be Apple's ten upper-case letters and digits, not "
                        + details.get(key));
            }
        }
        for (String scope : DetailsRules.scopes(details, AUTHORIZE_SCOPES, "[ ,]+")) {
            if (!SCOPES.contains(scope)) {
                throw new InvalidProviderDetailsException(AUTHORIZE_SCOPES + " of Sign in with Apple are among "
                        + SCOPES + "; " + scope + " is not");
            }
        }
        ClientSecret.privateKey(details.get(PRIVATE_KEY));
    }
}
