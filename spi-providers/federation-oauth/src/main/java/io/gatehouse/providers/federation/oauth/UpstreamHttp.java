package io.gatehouse.providers.federation.oauth;

import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationException.Reason;

import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.util.Optional;

/**
 * Sends the provider's requests to an IdP: with the configured timeouts, so a slow IdP cannot hold a request
 * thread for long, and without following redirects, so a code, secret or token goes only to the URL configured
 * for it.
 */
public final class UpstreamHttp {

    private final UpstreamOptions options;
    private final Optional<SSLSocketFactory> tls;

    public UpstreamHttp(UpstreamOptions options, Optional<SSLSocketFactory> tls) {
        this.options = options;
        this.tls = tls;
    }

    /** The answer, whatever its status; an IdP that cannot be reached is {@link IOException}. */
    public HTTPResponse send(HTTPRequest request) throws IOException {
        request.setConnectTimeout(options.connectTimeoutMillis());
        request.setReadTimeout(options.readTimeoutMillis());
        request.setFollowRedirects(false);
        tls.ifPresent(request::setSSLSocketFactory);
        return request.send();
    }

    /**
     * The answer of an endpoint met during a sign-in: UNAVAILABLE when the IdP cannot be reached or answers a
     * server error (5xx) or "too many requests", which are the IdP's trouble and may pass; any other status is
     * the caller's to read.
     */
    public HTTPResponse exchange(HTTPRequest request, String endpoint) throws FederationException {
        HTTPResponse response;
        try {
            response = send(request);
        } catch (IOException e) {
            // The JDK's message may quote the whole URL ("... for URL: ..."), and a query may carry a token (LWA's
            // tokeninfo takes the access token there): then neither the message nor the exception goes on.
            if (request.getURL().getQuery() != null) {
                throw new FederationException(Reason.UNAVAILABLE,
                        "the IdP's " + endpoint + " cannot be reached (" + e.getClass().getSimpleName() + ")");
            }
            throw new FederationException(Reason.UNAVAILABLE,
                    "the IdP's " + endpoint + " cannot be reached (" + e.getClass().getSimpleName() + ": "
                            + e.getMessage() + ")", e);
        }
        int status = response.getStatusCode();
        if (status >= 500 || status == 429) {
            throw new FederationException(Reason.UNAVAILABLE,
                    "the IdP's " + endpoint + " answered HTTP " + status);
        }
        return response;
    }
}
