package io.gatehouse.api.federation;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A token an app brings to an identity pool in its {@code Logins} map, under a provider's name, and what the pool
 * expects of it. Unlike a user pool's sign-in, no request of the engine's came before it: the app signed in at the
 * IdP on its own (Google's or Apple's SDK, Facebook Login, Login with Amazon, a SAML IdP posting to the app), so the
 * token carries no state or nonce of ours, and the provider checks everything else. Since API 1.8.
 *
 * @param token      the token as the app sent it: a Google or Apple ID token, a Facebook or Login with Amazon access
 *                   token, a base64 SAML response
 * @param audiences  whom the token must be for: the pool's application id for the provider
 *                   ({@code SupportedLoginProviders}: a Google client id, a Facebook app id, an Apple services id, an
 *                   Amazon app id), or for SAML the service provider names an assertion for AWS names
 *                   ({@code urn:amazon:webservices}, {@code https://signin.aws.amazon.com/saml}); never empty
 * @param recipients where a message must say it was sent, for types whose messages name it (SAML's
 *                   {@code Destination} and {@code Recipient}); empty for token types
 * @param details    the provider's registration, where there is one (an IAM SAML provider's metadata under
 *                   {@code MetadataFile}), by the keys {@link FederationProvider#detailKeys()} names; empty for the
 *                   public social IdPs, whose endpoints are the provider's own options
 */
public record IdentityPoolLogin(String token, Set<String> audiences, Set<String> recipients,
                                Map<String, String> details) {

    public IdentityPoolLogin {
        Objects.requireNonNull(token, "token");
        audiences = Set.copyOf(audiences);
        if (audiences.isEmpty()) {
            throw new IllegalArgumentException("an identity-pool login needs an audience");
        }
        recipients = Set.copyOf(recipients);
        details = Map.copyOf(details);
    }

    /** A token type's login: only the audience. */
    public static IdentityPoolLogin token(String token, String audience) {
        return new IdentityPoolLogin(token, Set.of(audience), Set.of(), Map.of());
    }

    /** Shows the audiences, never the token (a credential) nor the details (may hold secrets). */
    @Override
    public String toString() {
        return "IdentityPoolLogin[audiences " + audiences + ", recipients " + recipients + "]";
    }
}
