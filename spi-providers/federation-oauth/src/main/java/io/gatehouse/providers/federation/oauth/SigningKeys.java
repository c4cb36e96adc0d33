package io.gatehouse.providers.federation.oauth;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;

import javax.net.ssl.SSLSocketFactory;
import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * The IdPs' signing keys, one cached JWK set per {@code jwks_uri}, shared by every sign-in for as long as the
 * factory lives. Nimbus's source keeps the set for {@link #TIME_TO_LIVE}, fetches it again at once when a token
 * names a key id it does not hold (an IdP that rotated its key), but not more often than every
 * {@link #MIN_REFRESH_INTERVAL}, so tokens with made-up key ids cannot make us hammer the IdP.
 */
public final class SigningKeys implements AutoCloseable {

    private static final long TIME_TO_LIVE = TimeUnit.MINUTES.toMillis(15);
    private static final long MIN_REFRESH_INTERVAL = TimeUnit.SECONDS.toMillis(30);
    /** A JWK set of a few dozen keys; more is no IdP's. */
    private static final int SIZE_LIMIT = 256 * 1024;

    private final UpstreamOptions options;
    private final Optional<SSLSocketFactory> tls;
    private final ConcurrentMap<URI, JWKSource<SecurityContext>> sources = new ConcurrentHashMap<>();

    public SigningKeys(UpstreamOptions options, Optional<SSLSocketFactory> tls) {
        this.options = options;
        this.tls = tls;
    }

    public JWKSource<SecurityContext> of(URI jwksUri) {
        return sources.computeIfAbsent(jwksUri, this::source);
    }

    private JWKSource<SecurityContext> source(URI jwksUri) {
        DefaultResourceRetriever retriever = new DefaultResourceRetriever(options.connectTimeoutMillis(),
                options.readTimeoutMillis(), SIZE_LIMIT, true, tls.orElse(null));
        try {
            return JWKSourceBuilder.<SecurityContext>create(jwksUri.toURL(), retriever)
                    .cache(TIME_TO_LIVE, options.readTimeoutMillis() + options.connectTimeoutMillis())
                    // Refreshing ahead would start threads the application server does not manage.
                    .refreshAheadCache(false)
                    .rateLimited(MIN_REFRESH_INTERVAL)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("jwks_uri is not a URL", e);
        }
    }

    @Override
    public void close() {
        for (JWKSource<SecurityContext> source : sources.values()) {
            if (source instanceof Closeable closeable) {
                try {
                    closeable.close();
                } catch (IOException ignored) {
                    // Closing only drops a cache; there is nothing to do about a failure.
                }
            }
        }
        sources.clear();
    }
}
