package io.gatehouse.engine.iam;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * An IAM OpenID Connect provider: an IdP whose ID tokens identity pools take as logins when they name its ARN.
 *
 * @param arn         {@code arn:aws:iam::<account>:oidc-provider/<host and path>}
 * @param url         the IdP's issuer, {@code https://<host and path>}
 * @param clientIds   the audiences its tokens must be for (at least one)
 * @param thumbprints the certificate thumbprints given (kept and shown; TLS is checked against the JVM's trust store)
 * @param created     when it was registered
 */
public record OidcProvider(String arn, String url, List<String> clientIds, List<String> thumbprints, Instant created) {

    public OidcProvider {
        clientIds = List.copyOf(clientIds);
        thumbprints = List.copyOf(thumbprints);
    }

    /** The provider's name: the issuer's host and path, as its ARN ends and as a {@code Logins} map keys it. */
    public String name() {
        return name(url);
    }

    static String name(String url) {
        URI uri = URI.create(url);
        return uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
