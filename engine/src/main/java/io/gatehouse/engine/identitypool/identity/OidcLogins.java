package io.gatehouse.engine.identitypool.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.iam.OidcProvider;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Logins of OpenID Connect providers (IAM's, which an identity pool names in {@code OpenIdConnectProviderARNs}): an ID
 * token under the provider's name, its issuer's host and path. The token is checked as any relying party checks it:
 * signed by a key of the issuer's JWKS (found through its discovery document, which must name the same issuer), an
 * asymmetric algorithm, {@code iss} the provider's URL, an audience among its client ids, a subject, and current. Each
 * issuer's keys are fetched once and kept (an unknown key id fetches them again, at most once a few seconds); its
 * discovery document is read again after an hour. An issuer that cannot be reached is {@code ExternalServiceException},
 * a token that does not verify {@code NotAuthorizedException}.
 */
@ApplicationScoped
class OidcLogins {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    private static final Duration DISCOVERY_KEPT = Duration.ofHours(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final int KEYS_SIZE_LIMIT = 256 * 1024;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Clock clock = Clock.systemUTC();
    private final ConcurrentMap<String, Issuer> issuers = new ConcurrentHashMap<>();

    /** An issuer's keys, as its discovery document pointed to them at {@code loadedAt}. */
    private record Issuer(Instant loadedAt, JWKSource<SecurityContext> keys) {
    }

    /** Verifies {@code token}, a login of {@code provider} under its name. */
    Login verify(OidcProvider provider, String token) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, issuer(provider).keys()));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(new HashSet<>(provider.clientIds()),
                new JWTClaimsSet.Builder().issuer(provider.url()).build(), Set.of("sub", "exp", "iat"), null));
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (KeySourceException e) {
            throw unreachable(provider);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new ServiceException("NotAuthorizedException", Logins.INVALID + "The token of " + provider.name()
                    + " does not verify.");
        }
        return new Login(provider.name(), claims.getSubject(), provider.name(), claims.getClaims());
    }

    private Issuer issuer(OidcProvider provider) {
        Issuer issuer = issuers.get(provider.url());
        if (issuer == null || issuer.loadedAt().plus(DISCOVERY_KEPT).isBefore(clock.instant())) {
            DefaultResourceRetriever retriever = new DefaultResourceRetriever((int) TIMEOUT.toMillis(),
                    (int) TIMEOUT.toMillis(), KEYS_SIZE_LIMIT);
            issuer = new Issuer(clock.instant(), JWKSourceBuilder.create(jwksUri(provider), retriever).build());
            issuers.put(provider.url(), issuer);
        }
        return issuer;
    }

    /** The issuer's {@code jwks_uri}, from its discovery document, which must name the provider's URL as issuer. */
    private URL jwksUri(OidcProvider provider) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(provider.url() + "/.well-known/openid-configuration")).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode discovery = response.statusCode() == 200 ? Json.parse(response.body()) : null;
            if (discovery == null || !provider.url().equals(discovery.path("issuer").asText())) {
                throw unreachable(provider);
            }
            URI jwks = URI.create(discovery.path("jwks_uri").asText());
            if (!jwks.isAbsolute() || !jwks.getScheme().equals(URI.create(provider.url()).getScheme())) {
                throw unreachable(provider);
            }
            return jwks.toURL();
        } catch (IOException | IllegalArgumentException e) {
            throw unreachable(provider);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable(provider);
        }
    }

    private static ServiceException unreachable(OidcProvider provider) {
        return new ServiceException("ExternalServiceException", "The OpenID Connect provider " + provider.name()
                + " could not be reached for its keys.");
    }
}
