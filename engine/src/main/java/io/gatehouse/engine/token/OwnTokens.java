package io.gatehouse.engine.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

/**
 * The checks every verifier of this server's own tokens makes before its own (access tokens at the user APIs, ID
 * tokens at identity pools, the identity pools' OpenID tokens at the STS): the key the header names is one its
 * owner publishes, the header's algorithm is the one that owner signs that kind of token with, and the signature
 * holds; then the times. Each verifier adds its own claims (issuer, {@code token_use}, audience) and its own words.
 */
@ApplicationScoped
public class OwnTokens {

    /** How far a token's issue or not-before time may lie ahead of this node's clock (skew between nodes). */
    static final Duration SKEW = Duration.ofMinutes(1);

    /** Where a token stands in time. */
    public enum Timing {
        CURRENT,
        EXPIRED,
        /** Issued, or valid from, beyond the skew ahead: never a token this server made, whatever key signed it. */
        PREMATURE
    }

    @Inject
    SigningKeys keys;

    @Inject
    Clock clock;

    /** Whether {@code jwt} is signed, with {@code purpose}'s algorithm, by a key {@code owner} publishes. */
    public boolean signedBy(SignedJWT jwt, KeyOwner owner, TokenPurpose purpose) {
        String kid = jwt.getHeader().getKeyID();
        if (kid == null || !purpose.algorithm().equals(jwt.getHeader().getAlgorithm())) {
            return false;
        }
        Optional<SigningKeys.PublishedKey> key = keys.publicKey(owner, kid);
        try {
            return key.isPresent() && jwt.verify(key.get().verifier());
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }

    /** Where {@code claims} stand now: a token without an expiry or an issue time is treated as expired or premature. */
    public Timing timing(JWTClaimsSet claims) {
        Instant now = clock.instant();
        if (claims.getExpirationTime() == null || !claims.getExpirationTime().toInstant().isAfter(now)) {
            return Timing.EXPIRED;
        }
        Instant latest = now.plus(SKEW);
        if (claims.getIssueTime() == null || claims.getIssueTime().toInstant().isAfter(latest)
                || after(claims.getNotBeforeTime(), latest)) {
            return Timing.PREMATURE;
        }
        return Timing.CURRENT;
    }

    private static boolean after(Date time, Instant latest) {
        return time != null && time.toInstant().isAfter(latest);
    }
}
