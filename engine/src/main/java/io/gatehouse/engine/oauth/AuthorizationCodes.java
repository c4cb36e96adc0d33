package io.gatehouse.engine.oauth;

import io.gatehouse.engine.cluster.ClusterJob;
import io.gatehouse.engine.cluster.ClusterJobs;
import io.gatehouse.engine.security.Hashes;
import io.gatehouse.engine.security.RandomTokens;
import io.gatehouse.engine.token.OAuthGrant;
import io.gatehouse.engine.token.SignInsRevoked;
import io.gatehouse.engine.token.TokenService;
import io.gatehouse.engine.userpool.UserPoolClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Authorization codes: single-use, valid five minutes (Cognito's figure), bound to the client, the redirect URI and
 * the PKCE challenge they were issued with, and stored only as hashes.
 */
@ApplicationScoped
@Transactional
public class AuthorizationCodes {

    static final Duration VALIDITY = Duration.ofMinutes(5);
    /** RFC 7636 4.1: 43 to 128 unreserved characters. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    TokenService tokens;

    @Inject
    Clock clock;

    @Inject
    ClusterJobs clusterJobs;

    /** A code redeemed: the user and what the sign-in was granted. */
    public record Redeemed(String userPoolId, String sub, OAuthGrant grant, String codeHash) {
    }

    /** A new code for the user who just signed in (or was signed in) for {@code request}. */
    public String issue(AuthorizationRequest request, String sub, long authTime) {
        long now = clock.millis();
        if (clusterJobs.due(ClusterJob.AUTHORIZATION_CODE_PURGE, now)) {
            // A redeemed code is kept while it could still be replayed, so a replay is recognised as one.
            em.createQuery("delete from AuthorizationCodeEntity c where c.expiresAt < :now")
                    .setParameter("now", now).executeUpdate();
        }
        String code = RandomTokens.urlSafe(32);
        em.persist(new AuthorizationCodeEntity(Hashes.sha256Hex(code), request, sub, authTime,
                now + VALIDITY.toMillis()));
        return code;
    }

    /**
     * Redeems a code for {@code client}: it must be the client's, unexpired, unused, for the same redirect URI, and
     * the PKCE verifier must match its challenge. A code presented a second time is refused and the tokens it gave
     * are revoked (RFC 6749 4.1.2), since one of the two presenters stole it. The caller issues the tokens in the
     * same transaction and records them with {@link #redeemed}.
     *
     * @throws OAuthException {@code invalid_grant}, or {@code invalid_request} for a malformed verifier
     */
    @Transactional(dontRollbackOn = OAuthException.class)
    public Redeemed redeem(UserPoolClient client, String code, String redirectUri, String codeVerifier) {
        if (code == null || code.isEmpty()) {
            throw OAuthException.badRequest("invalid_request", "code is required.");
        }
        if (codeVerifier != null && !VERIFIER.matcher(codeVerifier).matches()) {
            throw OAuthException.badRequest("invalid_request", "code_verifier must be 43 to 128 unreserved "
                    + "characters.");
        }
        String hash = Hashes.sha256Hex(code);
        AuthorizationCodeEntity stored = em.find(AuthorizationCodeEntity.class, hash, LockModeType.PESSIMISTIC_WRITE);
        if (stored == null || !stored.clientId().equals(client.clientId())
                || stored.expiresAt() <= clock.millis()) {
            throw invalidGrant();
        }
        if (stored.redeemedJti() != null) {
            tokens.revokeSignIn(stored.redeemedJti());
            throw invalidGrant();
        }
        if (redirectUri == null) {
            // RFC 6749 4.1.3 asks for it when the authorization request had one; a request may leave it out only for
            // the client's DefaultRedirectURI, so only then may the token request.
            if (!stored.redirectUri().equals(client.settings().path("DefaultRedirectURI").asText(null))) {
                throw OAuthException.badRequest("invalid_request", "redirect_uri is required.");
            }
        } else if (!stored.redirectUri().equals(redirectUri)) {
            throw OAuthException.badRequest("invalid_grant", "redirect_uri does not match the authorization "
                    + "request's.");
        }
        checkVerifier(stored.codeChallenge(), codeVerifier);
        return new Redeemed(stored.userPoolId(), stored.sub(),
                new OAuthGrant(List.of(stored.scopes().split(" ")), stored.nonce(), stored.authTime()), hash);
    }

    /**
     * A user's sign-ins were all ended: their codes not yet redeemed end too, or one minted a moment before would
     * still give tokens.
     */
    void onRevoked(@Observes SignInsRevoked event) {
        em.createQuery("delete from AuthorizationCodeEntity c where c.userPoolId = :pool and c.sub = :sub"
                        + " and c.redeemedJti is null")
                .setParameter("pool", event.userPoolId()).setParameter("sub", event.sub()).executeUpdate();
    }

    /** Records the sign-in a redeemed code started, so a replay can revoke it. */
    public void redeemed(Redeemed code, String originJti) {
        em.find(AuthorizationCodeEntity.class, code.codeHash()).redeemed(originJti);
    }

    private static void checkVerifier(String challenge, String verifier) {
        if (challenge == null) {
            if (verifier != null) {
                // OAuth 2.1: a verifier for a code issued without a challenge is a downgrade attempt.
                throw OAuthException.badRequest("invalid_grant", "The authorization request had no code_challenge.");
            }
            return;
        }
        if (verifier == null) {
            throw OAuthException.badRequest("invalid_grant", "code_verifier is required.");
        }
        String computed = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Hashes.sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
        if (!MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII))) {
            throw OAuthException.badRequest("invalid_grant", "code_verifier does not match the code_challenge.");
        }
    }

    private static OAuthException invalidGrant() {
        return OAuthException.badRequest("invalid_grant", "The authorization code is invalid, expired or used.");
    }
}
