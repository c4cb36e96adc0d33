package io.gatehouse.providers.federation.oauth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationException.Reason;

import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an ID token as OpenID Connect Core 3.1.3.7 asks, with Nimbus's {@link IDTokenValidator}: signed by a key
 * of the IdP's JWK set with an asymmetric algorithm, issued by the IdP for this client, unexpired, and carrying the
 * sign-in's nonce.
 *
 * <p>Only asymmetric algorithms are accepted. An unsigned token ({@code alg=none}) is refused, and so is HMAC: with
 * HS256 anyone holding the client secret (every Gatehouse administrator, and the IdP's) could mint ID tokens, and a
 * validator that takes HMAC can be tricked into using the IdP's public key as the HMAC key.
 */
public final class IdTokenCheck {

    public static final Set<JWSAlgorithm> ALGORITHMS = Set.of(
            JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private final SigningKeys keys;
    private final Clock clock;
    private final Duration clockSkew;

    public IdTokenCheck(SigningKeys keys, Clock clock, Duration clockSkew) {
        this.keys = keys;
        this.clock = clock;
        this.clockSkew = clockSkew;
    }

    /**
     * The token's claims, once every check passed.
     *
     * @param issuer   the issuer the token must name
     * @param clientId the client it must be issued to (its audience)
     * @param jwksUri  where the issuer publishes its signing keys
     * @param nonce    the sign-in's nonce, which the token must carry; null for a token that carries none of ours
     * @throws FederationException {@code INVALID_RESPONSE} naming the check that failed; {@code UNAVAILABLE} when
     *                             the keys cannot be read
     */
    public IDTokenClaimsSet check(Issuer issuer, ClientID clientId, URI jwksUri, JWT idToken, Nonce nonce)
            throws FederationException {
        IDTokenValidator validator = new IDTokenValidator(issuer, clientId,
                new JWSVerificationKeySelector<SecurityContext>(ALGORITHMS, keys.of(jwksUri)), null);
        validator.setMaxClockSkew((int) clockSkew.toSeconds());
        IDTokenClaimsSet claims;
        try {
            claims = validator.validate(idToken, nonce);
        } catch (BadJOSEException e) {
            throw invalid(reason(e));
        } catch (RateLimitReachedException e) {
            // The key id was unknown and the set was fetched again only moments ago: the token is not verifiable.
            throw invalid("no key of the IdP's JWK set matches the token");
        } catch (KeySourceException e) {
            throw new FederationException(Reason.UNAVAILABLE,
                    "the IdP's jwks_uri cannot be read: " + e.getMessage(), e);
        } catch (JOSEException e) {
            throw invalid("its signature cannot be checked: " + e.getMessage());
        }
        checkTimes(claims);
        return claims;
    }

    /**
     * The claims of an ID token an app brings on its own (to an identity pool: no nonce of ours), once every other
     * check passed: signed by a key of {@code jwksUri} with an asymmetric algorithm, issued by one of
     * {@code issuers}, for one of {@code audiences}, current.
     *
     * @param issuers   the issuers the token may name (Google's two forms)
     * @param audiences the clients it may be issued to
     * @throws FederationException as {@link #check}; {@code INVALID_RESPONSE} for what is no JWT
     */
    public IDTokenClaimsSet check(Set<String> issuers, Set<String> audiences, URI jwksUri, String idToken)
            throws FederationException {
        JWT jwt;
        List<String> named;
        String namedIssuer;
        try {
            jwt = JWTParser.parse(idToken);
            // Only a signed JWT is an ID token here: an encrypted one has no claims to read before decryption
            // (null), and an unsecured one no signature.
            if (!(jwt instanceof SignedJWT) || jwt.getJWTClaimsSet() == null) {
                throw invalid("it is no signed JWT");
            }
            named = Optional.ofNullable(jwt.getJWTClaimsSet().getAudience()).orElse(List.of());
            namedIssuer = jwt.getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw invalid("it is no JWT");
        }
        // The issuer and audience it names when they are among those allowed, else one of those, which the check
        // then refuses; the signature is checked all the same.
        String issuer = namedIssuer != null && issuers.contains(namedIssuer) ? namedIssuer
                : issuers.iterator().next();
        String audience = named.stream().filter(audiences::contains).findFirst()
                .orElse(audiences.iterator().next());
        return check(new Issuer(issuer), new ClientID(audience), jwksUri, jwt, null);
    }

    /**
     * The validator reads the system clock; the provider's clock (the same one in production, a test's or a
     * replay's otherwise) must agree too.
     */
    private void checkTimes(IDTokenClaimsSet claims) throws FederationException {
        Instant now = clock.instant();
        if (!claims.getExpirationTime().toInstant().isAfter(now.minus(clockSkew))) {
            throw invalid("Expired JWT");
        }
        if (claims.getIssueTime().toInstant().isAfter(now.plus(clockSkew))) {
            throw invalid("JWT issue time ahead of current time");
        }
        // The validator leaves nbf alone; a token that says it is not valid yet is not.
        Date notBefore = claims.getDateClaim("nbf");
        if (notBefore != null && notBefore.toInstant().isAfter(now.plus(clockSkew))) {
            throw invalid("JWT before use time");
        }
    }

    /**
     * Nimbus's reason, which names what failed (issuer, audience, expiry, signature...) with the token's value,
     * except a nonce's: the nonce is no secret once used, but the engine's rule is that no message shows a pending
     * state, and the reason needs no value to be clear.
     */
    private static String reason(BadJOSEException e) {
        String message = String.valueOf(e.getMessage());
        int nonce = message.indexOf("nonce (nonce) claim");
        return nonce < 0 ? message : message.substring(0, nonce + "nonce (nonce) claim".length());
    }

    private static FederationException invalid(String why) {
        return new FederationException(Reason.INVALID_RESPONSE, "the IdP's ID token is not valid: " + why);
    }
}
