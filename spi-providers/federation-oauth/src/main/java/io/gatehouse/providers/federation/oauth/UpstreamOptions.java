package io.gatehouse.providers.federation.oauth;

import io.gatehouse.api.federation.InvalidProviderDetailsException;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderInitializationException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import java.net.URI;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Optional;

/**
 * A federation type's server-level options, under {@code gatehouse.spi.federation.<id>.}; every type built on this
 * library takes the same ones.
 *
 * @param connectTimeout how long to wait for an IdP to accept a connection
 * @param readTimeout    how long to wait for an IdP's answer once connected
 * @param clockSkew      how far an ID token's times may be off the server's clock
 * @param jdkTrust       whether the IdPs' TLS certificates are checked against the JVM's trust store (the JDK's
 *                       {@code cacerts}, or {@code javax.net.ssl.trustStore}) rather than the application server's
 *                       default SSL configuration; see {@link #tlsSocketFactory()}
 */
public record UpstreamOptions(Duration connectTimeout, Duration readTimeout, Duration clockSkew, boolean jdkTrust) {

    public static final UpstreamOptions DEFAULTS = new UpstreamOptions(Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(60), true);

    public static UpstreamOptions from(ProviderConfig config) throws ProviderInitializationException {
        String trust = config.get("tls-trust", "jdk");
        if (!trust.equals("jdk") && !trust.equals("server")) {
            throw new ProviderInitializationException("option 'tls-trust' must be jdk or server, not " + trust);
        }
        return new UpstreamOptions(
                seconds(config, "connect-timeout-seconds", DEFAULTS.connectTimeout(), 1, 60),
                seconds(config, "read-timeout-seconds", DEFAULTS.readTimeout(), 1, 120),
                seconds(config, "clock-skew-seconds", DEFAULTS.clockSkew(), 0, 300),
                trust.equals("jdk"));
    }

    /**
     * The socket factory for https to an IdP; empty for the default one. Liberty's transportSecurity feature makes
     * the default socket factory its own, which trusts only the server's trust store: public IdPs' certificates
     * fail there unless an operator adds their CAs or sets {@code trustDefaultCerts}. The JVM's default context
     * (which Liberty leaves as the JDK's) trusts the public CAs, as an OIDC client must.
     */
    public Optional<SSLSocketFactory> tlsSocketFactory() throws ProviderInitializationException {
        if (!jdkTrust) {
            return Optional.empty();
        }
        try {
            return Optional.of(SSLContext.getDefault().getSocketFactory());
        } catch (NoSuchAlgorithmException e) {
            throw new ProviderInitializationException("the JVM has no default TLS context; set 'tls-trust' to server");
        }
    }

    /**
     * A URL option of a type's own ({@code identity-pool-jwks-uri}...), by the rule of every IdP URL
     * ({@link UpstreamUrls}: https, plain http only to loopback).
     *
     * @throws ProviderInitializationException naming the option when its value breaks the rule
     */
    public static URI url(ProviderConfig config, String option, String fallback)
            throws ProviderInitializationException {
        try {
            return UpstreamUrls.check("option '" + option + "'", config.get(option, fallback));
        } catch (InvalidProviderDetailsException e) {
            throw new ProviderInitializationException(e.getMessage());
        }
    }

    private static Duration seconds(ProviderConfig config, String option, Duration fallback, int min, int max)
            throws ProviderInitializationException {
        int value = config.getInt(option, (int) fallback.toSeconds());
        if (value < min || value > max) {
            throw new ProviderInitializationException(
                    "option '" + option + "' must be " + min + " to " + max + " seconds, not " + value);
        }
        return Duration.ofSeconds(value);
    }

    public int connectTimeoutMillis() {
        return (int) connectTimeout.toMillis();
    }

    public int readTimeoutMillis() {
        return (int) readTimeout.toMillis();
    }
}
