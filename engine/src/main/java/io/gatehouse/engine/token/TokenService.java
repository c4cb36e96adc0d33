package io.gatehouse.engine.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.api.trigger.GroupConfiguration;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.engine.config.GatehouseConfig;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.groups.Group;
import io.gatehouse.engine.metrics.GatehouseMetrics;
import io.gatehouse.engine.metrics.GatehouseMetrics.TokenKind;
import io.gatehouse.engine.groups.Groups;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.cluster.ClusterJob;
import io.gatehouse.engine.cluster.ClusterJobs;
import io.gatehouse.engine.security.Hashes;
import io.gatehouse.engine.security.RandomTokens;
import io.gatehouse.engine.trigger.UserAttributes;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.engine.userpool.UserPoolClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Issues and checks Cognito's tokens: RS256 ID and access tokens signed with the pool's keys (a different key
 * for each kind), with Cognito's claims, and an opaque refresh token stored only as a hash.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class TokenService {

    /** The scope Cognito puts in access tokens from its user APIs: the user may manage their own profile. */
    public static final String USER_ADMIN_SCOPE = "aws.cognito.signin.user.admin";

    /** Cognito's longest ID and access token lifetime, one day, plus clock skew. */
    static final Duration LONGEST_SIGNED_TOKEN = Duration.ofDays(1).plusMinutes(5);
    /** How far ahead of this node's clock another node's may be when it issues a token. */
    private static final Map<String, Duration> UNITS = Map.of("seconds", Duration.ofSeconds(1),
            "minutes", Duration.ofMinutes(1), "hours", Duration.ofHours(1), "days", Duration.ofDays(1));

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    GatehouseMetrics metrics;

    @Inject
    SigningKeys keys;

    @Inject
    OwnTokens ownTokens;

    @Inject
    Groups groups;

    @Inject
    GatehouseConfig config;

    @Inject
    EndedSignIns endedSignIns;

    @Inject
    Clock clock;

    @Inject
    Event<SignInsRevoked> revoked;

    @Inject
    RefreshChains chains;

    @Inject
    PreTokenGeneration preTokenGeneration;

    @Inject
    ClusterJobs clusterJobs;

    /**
     * A live refresh token: whose it is and which sign-in it continues.
     *
     * @param scopes the OAuth scopes of a sign-in through the OAuth endpoints, or null for one through the API
     */
    public record RefreshGrant(String sub, String originJti, long authTime, List<String> scopes) {
    }

    /**
     * A new sign-in: its tokens, and the {@code origin_jti} they share, by which a reused authorization code's
     * sign-in is revoked.
     */
    public record SignIn(TokenSet tokens, String originJti) {
    }

    /** The tokens of a new sign-in of {@code user} through {@code client}; stores the refresh token. */
    @Transactional(Transactional.TxType.REQUIRED)
    public TokenSet issue(UserPool pool, UserPoolClient client, UserRecord user) {
        return issue(pool, client, user, TokenGeneration.AUTHENTICATION);
    }

    /**
     * The tokens of a new sign-in through the Cognito API; stores the refresh token. The pool's pre token generation
     * trigger sees them first, told {@code generation}.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public TokenSet issue(UserPool pool, UserPoolClient client, UserRecord user, TokenGeneration generation) {
        return signIn(pool, client, user, null, generation).tokens();
    }

    /**
     * A new sign-in through the OAuth endpoints ({@code grant} not null) or the Cognito API; stores the refresh
     * token, with the grant's scopes so that refreshing keeps them.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public SignIn signIn(UserPool pool, UserPoolClient client, UserRecord user, OAuthGrant grant) {
        return signIn(pool, client, user, grant, grant == null ? TokenGeneration.AUTHENTICATION
                : TokenGeneration.HOSTED_AUTH);
    }

    private SignIn signIn(UserPool pool, UserPoolClient client, UserRecord user, OAuthGrant grant,
                          TokenGeneration generation) {
        Instant now = clock.instant();
        String originJti = UUID.randomUUID().toString();
        long authTime = grant == null ? now.getEpochSecond() : grant.authTime();
        TokenSet tokens = tokens(pool, client, user, originJti, authTime, grant, generation);
        String refresh = RandomTokens.urlSafe(48);
        Duration refreshValidity = validity(client.settings(), "RefreshTokenValidity", "RefreshToken");
        purgeExpired(now);
        metrics.tokenIssued(TokenKind.REFRESH);
        em.persist(new RefreshTokenEntity(Hashes.sha256Hex(refresh), pool.id(), client.clientId(), user.sub(), originJti,
                authTime, now.plus(refreshValidity).toEpochMilli(),
                grant == null ? null : String.join(" ", grant.scopes())));
        return new SignIn(new TokenSet(tokens.idToken(), tokens.accessToken(), refresh, tokens.expiresInSeconds()),
                originJti);
    }

    /**
     * The ID and access tokens of an implicit-flow sign-in: no refresh token for the client. The sign-in is still
     * recorded, as a refresh token whose value nobody is given, so that GlobalSignOut and revocation reach its
     * access token as they reach any other.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public TokenSet issueImplicit(UserPool pool, UserPoolClient client, UserRecord user, OAuthGrant grant) {
        String originJti = UUID.randomUUID().toString();
        TokenSet tokens = tokens(pool, client, user, originJti, grant.authTime(), grant, TokenGeneration.HOSTED_AUTH);
        long expiresAt = clock.instant().plus(Duration.ofSeconds(tokens.expiresInSeconds())).toEpochMilli();
        em.persist(new RefreshTokenEntity(Hashes.sha256Hex(RandomTokens.urlSafe(48)), pool.id(), client.clientId(),
                user.sub(), originJti, grant.authTime(), expiresAt, String.join(" ", grant.scopes())));
        return tokens;
    }

    /** Revokes every token of one sign-in (a reused authorization code's). */
    public void revokeSignIn(String originJti) {
        long now = clock.millis();
        em.createQuery("select t from RefreshTokenEntity t where t.originJti = :origin", RefreshTokenEntity.class)
                .setParameter("origin", originJti).getResultList().forEach(t -> t.revoke(now));
    }

    /**
     * Deletes refresh tokens past use, at most once a minute across the cluster rather than at every sign-in. An expired
     * refresh token is kept until every access token of its sign-in has expired too, since its revocation is what
     * refuses them.
     */
    private void purgeExpired(Instant now) {
        if (clusterJobs.due(ClusterJob.REFRESH_TOKEN_PURGE, now.toEpochMilli())) {
            em.createQuery("delete from RefreshTokenEntity t where t.expiresAt < :cutoff")
                    .setParameter("cutoff", now.minus(LONGEST_SIGNED_TOKEN).toEpochMilli()).executeUpdate();
        }
    }

    /**
     * Checks a refresh token presented by {@code client}.
     *
     * @throws ServiceException {@code NotAuthorizedException} when it is unknown, another client's, revoked or
     *                          expired
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RefreshGrant redeem(UserPoolClient client, String refreshToken) {
        RefreshTokenEntity stored = em.find(RefreshTokenEntity.class, Hashes.sha256Hex(refreshToken));
        if (stored == null || !stored.clientId().equals(client.clientId())) {
            throw new ServiceException("NotAuthorizedException", "Invalid Refresh Token");
        }
        if (stored.revokedAt() != null) {
            throw new ServiceException("NotAuthorizedException", "Refresh Token has been revoked");
        }
        if (stored.expiresAt() <= clock.millis()) {
            throw new ServiceException("NotAuthorizedException", "Refresh Token has expired");
        }
        if (replayed(stored)) {
            chains.revokeForReuse(stored.originJti());
            throw new ServiceException("NotAuthorizedException", "Refresh Token has been revoked");
        }
        return new RefreshGrant(stored.sub(), stored.originJti(), stored.authTime(),
                stored.scopes() == null ? null : List.of(stored.scopes().split(" ")));
    }

    /**
     * Whether a rotated token comes back when only a copy of it could: after its grace period, or after the token
     * that replaced it was itself rotated (so whoever rotated it had the replacement).
     */
    private boolean replayed(RefreshTokenEntity stored) {
        if (stored.supersededAt() == null) {
            return false;
        }
        if (stored.supersededBy(clock.millis())) {
            return true;
        }
        RefreshTokenEntity successor = em.find(RefreshTokenEntity.class, stored.successorHash());
        return successor != null && successor.successorHash() != null;
    }

    /** New ID and access tokens continuing a sign-in; no new refresh token, as in Cognito without rotation. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TokenSet refresh(UserPool pool, UserPoolClient client, UserRecord user, RefreshGrant grant) {
        OAuthGrant oauth = grant.scopes() == null ? null : new OAuthGrant(grant.scopes(), null, grant.authTime());
        TokenSet tokens = tokens(pool, client, user, grant.originJti(), grant.authTime(), oauth,
                TokenGeneration.REFRESH_TOKENS);
        return new TokenSet(tokens.idToken(), tokens.accessToken(), null, tokens.expiresInSeconds());
    }

    /**
     * Refresh token rotation (GetTokensFromRefreshToken on a client with RefreshTokenRotation): a new refresh token
     * continuing the same sign-in, valid as long as the one presented was. The presented one stops working after
     * {@code grace}, for a client whose answer was lost to retry with; presented again within it, it gets another
     * replacement and the one before is superseded at once, so one chain stays live. Presented after it, it
     * revokes the sign-in ({@link #redeem}, which callers run first).
     *
     * @return the new refresh token
     * @throws ServiceException {@code NotAuthorizedException} when the token was revoked, expired or rotated past
     *                          its grace period since {@link #redeem} read it
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public String rotate(UserPoolClient client, String refreshToken, Duration grace) {
        RefreshTokenEntity old = em.find(RefreshTokenEntity.class, Hashes.sha256Hex(refreshToken),
                LockModeType.PESSIMISTIC_WRITE);
        long now = clock.millis();
        // Checked again under the lock: a concurrent call may have rotated or revoked it since it was redeemed.
        if (old == null || !old.clientId().equals(client.clientId()) || old.revokedAt() != null
                || old.expiresAt() <= now || old.supersededBy(now)) {
            throw new ServiceException("NotAuthorizedException", "Invalid Refresh Token");
        }
        if (old.successorHash() != null) {
            RefreshTokenEntity previous = em.find(RefreshTokenEntity.class, old.successorHash(),
                    LockModeType.PESSIMISTIC_WRITE);
            if (previous != null && previous.successorHash() != null) {
                throw new ServiceException("NotAuthorizedException", "Invalid Refresh Token");
            }
            if (previous != null) {
                // Never to be used: if it is, someone else has it, and the sign-in is revoked.
                previous.supersede(now, null);
            }
        }
        String fresh = RandomTokens.urlSafe(48);
        String freshHash = Hashes.sha256Hex(fresh);
        metrics.tokenIssued(TokenKind.REFRESH);
        em.persist(new RefreshTokenEntity(freshHash, old.userPoolId(), old.clientId(), old.sub(),
                old.originJti(), old.authTime(), old.expiresAt(), old.scopes()));
        old.supersede(now + grace.toMillis(), freshHash);
        return fresh;
    }

    /**
     * Revokes one refresh token of {@code client} with the rest of its sign-in: the tokens rotation made from it
     * or it from, and every access token of the sign-in.
     *
     * @return false when the token is not one of the client's
     */
    public boolean revoke(UserPoolClient client, String refreshToken) {
        RefreshTokenEntity stored = em.find(RefreshTokenEntity.class, Hashes.sha256Hex(refreshToken));
        if (stored == null || !stored.clientId().equals(client.clientId())) {
            return false;
        }
        revokeSignIn(stored.originJti());
        return true;
    }

    /**
     * Revokes every sign-in of a user but one (ChangePassword keeps the caller's), and their hosted UI sessions.
     *
     * @param keptOriginJti the sign-in that goes on
     */
    public void revokeAllBut(String userPoolId, String sub, String keptOriginJti) {
        long now = clock.millis();
        em.createQuery("select t from RefreshTokenEntity t where t.userPoolId = :pool and t.sub = :sub"
                        + " and t.originJti <> :kept", RefreshTokenEntity.class)
                .setParameter("pool", userPoolId).setParameter("sub", sub).setParameter("kept", keptOriginJti)
                .getResultList().forEach(t -> t.revoke(now));
        revoked.fire(new SignInsRevoked(userPoolId, sub));
    }

    /**
     * Revokes every sign-in of a user: their refresh tokens, the access tokens issued with them, and (through
     * {@link SignInsRevoked}) their hosted UI sessions.
     */
    public void revokeAll(String userPoolId, String sub) {
        long now = clock.millis();
        em.createQuery("select t from RefreshTokenEntity t where t.userPoolId = :pool and t.sub = :sub",
                        RefreshTokenEntity.class)
                .setParameter("pool", userPoolId).setParameter("sub", sub)
                .getResultList().forEach(t -> t.revoke(now));
        revoked.fire(new SignInsRevoked(userPoolId, sub));
    }

    /**
     * Signs the ID and access tokens of a sign-in.
     *
     * @param grant      the OAuth grant, or null for a sign-in through the Cognito API
     * @param generation why, for the pool's pre token generation trigger
     */
    private TokenSet tokens(UserPool pool, UserPoolClient client, UserRecord user, String originJti,
                            long authTime, OAuthGrant grant, TokenGeneration generation) {
        Instant now = clock.instant();
        String eventId = UUID.randomUUID().toString();
        JsonNode settings = client.settings();
        Duration accessValidity = validity(settings, "AccessTokenValidity", "AccessToken");
        Duration idValidity = validity(settings, "IdTokenValidity", "IdToken");
        List<Group> groupList = groups.allGroupsOf(pool.id(), user.sub());
        List<String> roleList = groupList.stream().map(Group::roleArn).filter(Objects::nonNull).distinct().toList();
        Optional<String> preferred = preferredRole(groupList);
        PreTokenGeneration.Decision decision = preTokenGeneration.decide(pool, client, Optional.of(user),
                UserAttributes.of(user), new GroupConfiguration(groupList.stream().map(Group::name).toList(),
                        roleList, preferred),
                grant == null ? List.of(USER_ADMIN_SCOPE) : grant.scopes(), generation);

        JWTClaimsSet.Builder access = common(pool, user, now, accessValidity, originJti, eventId, authTime)
                .claim("client_id", client.clientId())
                .claim("username", user.username())
                .claim("scope", grant == null ? USER_ADMIN_SCOPE : String.join(" ", grant.scopes()))
                .claim("token_use", "access");
        if (!groupList.isEmpty()) {
            access.claim("cognito:groups", groupList.stream().map(Group::name).toList());
        }
        String accessToken = sign(pool.id(), TokenPurpose.ACCESS, decision.access(access.build()));
        if (grant != null && !grant.openId()) {
            return new TokenSet(null, accessToken, null, accessValidity.toSeconds());
        }

        JWTClaimsSet.Builder id = common(pool, user, now, idValidity, originJti, eventId, authTime)
                .audience(client.clientId())
                .claim("token_use", "id")
                .claim("cognito:username", user.username());
        if (grant != null) {
            id.claim("at_hash", AccessTokenHash.of(accessToken));
            if (grant.nonce() != null) {
                id.claim("nonce", grant.nonce());
            }
        }
        Optional<Set<String>> readable = client.readAttributes();
        user.attributes().forEach((name, value) -> {
            if (!name.startsWith("dev:") && readable.map(r -> r.contains(name)).orElse(true)) {
                id.claim(name, claimValue(name, value));
            }
        });
        if (!groupList.isEmpty()) {
            id.claim("cognito:groups", groupList.stream().map(Group::name).toList());
            if (!roleList.isEmpty()) {
                id.claim("cognito:roles", roleList);
            }
            preferred.ifPresent(role -> id.claim("cognito:preferred_role", role));
        }
        return new TokenSet(sign(pool.id(), TokenPurpose.ID, decision.id(id.build())), accessToken, null,
                accessValidity.toSeconds());
    }

    /**
     * An access token for the client itself (the client_credentials grant): its subject is the client, its scopes
     * the custom scopes granted; no user, no ID token, no refresh token.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TokenSet issueForClient(UserPool pool, UserPoolClient client, List<String> scopes) {
        Instant now = clock.instant();
        Duration validity = validity(client.settings(), "AccessTokenValidity", "AccessToken");
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(client.clientId())
                .issuer(config.baseUrl() + "/" + pool.id())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validity)))
                .jwtID(UUID.randomUUID().toString())
                .claim("token_use", "access")
                .claim("scope", String.join(" ", scopes))
                .claim("auth_time", now.getEpochSecond())
                .claim("client_id", client.clientId())
                .claim("version", 2)
                .build();
        PreTokenGeneration.Decision decision = preTokenGeneration.decide(pool, client, Optional.empty(), Map.of(),
                new GroupConfiguration(List.of(), List.of(), Optional.empty()), scopes,
                TokenGeneration.CLIENT_CREDENTIALS);
        return new TokenSet(null, sign(pool.id(), TokenPurpose.ACCESS, decision.access(claims)), null,
                validity.toSeconds());
    }

    /**
     * Checks an access token as the user APIs (GetUser and friends) take it.
     *
     * @return the token's claims
     * @throws ServiceException {@code NotAuthorizedException} for a token that is not a valid, current access
     *                          token of a pool on this server
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public JWTClaimsSet verifyAccessToken(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            String issuer = claims.getIssuer();
            String prefix = config.baseUrl() + "/";
            if (issuer == null || !issuer.startsWith(prefix)) {
                throw invalid();
            }
            String poolId = issuer.substring(prefix.length());
            if (!ownTokens.signedBy(jwt, KeyOwner.userPool(poolId), TokenPurpose.ACCESS)) {
                throw invalid();
            }
            if (!"access".equals(claims.getStringClaim("token_use"))) {
                throw invalid();
            }
            switch (ownTokens.timing(claims)) {
                case EXPIRED -> throw new ServiceException("NotAuthorizedException", "Access Token has expired");
                case PREMATURE -> throw invalid();
                case CURRENT -> {
                }
            }
            // Every token of a user's sign-in names the sign-in, whose revocation (sign-out, RevokeToken) ends it:
            // one that names none could not be revoked.
            if (claims.getStringClaim("origin_jti") == null) {
                throw invalid();
            }
            if (endedSignIns.ended(claims.getStringClaim("origin_jti"))) {
                throw new ServiceException("NotAuthorizedException", "Access Token has been revoked");
            }
            return claims;
        } catch (ParseException | IllegalStateException e) {
            throw invalid();
        }
    }

    private JWTClaimsSet.Builder common(UserPool pool, UserRecord user, Instant now, Duration validity,
                                        String originJti, String eventId, long authTime) {
        return new JWTClaimsSet.Builder()
                .subject(user.sub())
                .issuer(config.baseUrl() + "/" + pool.id())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validity)))
                .jwtID(UUID.randomUUID().toString())
                .claim("origin_jti", originJti)
                .claim("event_id", eventId)
                .claim("auth_time", authTime);
    }

    private String sign(String poolId, TokenPurpose purpose, JWTClaimsSet claims) {
        SigningKeys.ActiveKey key = keys.active(KeyOwner.userPool(poolId), purpose);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(purpose.algorithm()).keyID(key.kid())
                .type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        metrics.tokenIssued(purpose == TokenPurpose.ID ? TokenKind.ID : TokenKind.ACCESS);
        return jwt.serialize();
    }

    /**
     * The role of the group that takes precedence among those with a role: the lowest precedence number. When
     * groups tie at that number with different roles, none is preferred, as in Cognito.
     *
     * @param groups the user's groups, the one that takes precedence first
     */
    static Optional<String> preferredRole(List<Group> groups) {
        List<Group> withRole = groups.stream().filter(g -> g.roleArn() != null).toList();
        if (withRole.isEmpty()) {
            return Optional.empty();
        }
        Integer best = withRole.get(0).precedence();
        List<String> tied = withRole.stream().filter(g -> Objects.equals(g.precedence(), best))
                .map(Group::roleArn).distinct().toList();
        return tied.size() == 1 ? Optional.of(tied.get(0)) : Optional.empty();
    }

    /** Cognito's ID tokens carry the verification flags as booleans; every other attribute as a string. */
    private static Object claimValue(String name, String value) {
        if ("identities".equals(name)) {
            // Kept as JSON text like any attribute; the ID token carries it as Cognito does, a list of objects.
            try {
                return Json.MAPPER.readValue(value, java.util.List.class);
            } catch (java.io.IOException e) {
                return value;
            }
        }
        return name.endsWith("_verified") ? (Object) Boolean.parseBoolean(value) : value;
    }

    private static Duration validity(JsonNode settings, String member, String unitMember) {
        Duration unit = UNITS.getOrDefault(settings.path("TokenValidityUnits").path(unitMember).asText(), null);
        if (unit == null || !settings.has(member)) {
            throw new IllegalStateException("client settings lack " + member);
        }
        return unit.multipliedBy(settings.get(member).asLong());
    }

    private static ServiceException invalid() {
        return new ServiceException("NotAuthorizedException", "Invalid Access Token");
    }
}
