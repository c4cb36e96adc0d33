package io.gatehouse.engine.identitypool.openid;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.engine.config.GatehouseConfig;
import io.gatehouse.engine.identitypool.IdentityPools;
import io.gatehouse.engine.token.KeyOwner;
import io.gatehouse.engine.token.OwnTokens;
import io.gatehouse.engine.token.SigningKeys;
import io.gatehouse.engine.token.TokenPurpose;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The identity-pool issuer's OpenID tokens (GetOpenIdToken, GetOpenIdTokenForDeveloperIdentity, and the token a
 * credentials broker shows a third-party STS). One issuer serves every identity pool of the server, as Cognito's
 * {@code https://cognito-identity.amazonaws.com} does: {@code <base-url>/cognito-identity}, with its discovery
 * document and keys beneath it, so that AWS IAM (as an OIDC provider), MinIO or Ceph can be told to trust it. The
 * claims are Cognito's: {@code aud} the identity pool, {@code sub} the identity, {@code amr} how it signed in, the
 * pool's ARN, and the session tags in AWS's {@code https://aws.amazon.com/tags} claim, which STS reads. RS512, as
 * Cognito signs them, with keys of their own that rotate as the user pools' do.
 */
@ApplicationScoped
public class OpenIdTokens {

    /** The path of the issuer under the base URL. */
    public static final String PATH = "cognito-identity";
    /** The name of the provider under which an OpenID token is itself a login (a developer identity's). */
    public static final String LOGIN_PROVIDER = "cognito-identity.amazonaws.com";

    static final String POOL_ARN_CLAIM = "https://cognito-identity.amazonaws.com/identity-pool-arn";
    static final String TAGS_CLAIM = "https://aws.amazon.com/tags";

    @Inject
    SigningKeys keys;

    @Inject
    OwnTokens ownTokens;

    @Inject
    IdentityPools pools;

    @Inject
    GatehouseConfig config;

    @Inject
    Clock clock;

    /** The issuer's URL: {@code iss} of its tokens, and where its discovery document is. */
    public String issuer() {
        return config.baseUrl() + "/" + PATH;
    }

    /** A new token for {@code identityId} of {@code identityPoolId}, valid for {@code validity}. */
    public String mint(String identityPoolId, String identityId, List<String> amr, Map<String, String> principalTags,
                       Duration validity) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(identityId)
                .audience(identityPoolId)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(validity)))
                .jwtID(UUID.randomUUID().toString())
                .claim("amr", List.copyOf(amr))
                .claim(POOL_ARN_CLAIM, pools.arn(identityPoolId));
        if (!principalTags.isEmpty()) {
            Map<String, List<String>> tags = new LinkedHashMap<>();
            principalTags.forEach((key, value) -> tags.put(key, List.of(value)));
            claims.claim(TAGS_CLAIM, Map.of("principal_tags", tags));
        }
        SigningKeys.ActiveKey key = keys.active(KeyOwner.IDENTITY_ISSUER, TokenPurpose.OPEN_ID);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(TokenPurpose.OPEN_ID.algorithm()).keyID(key.kid())
                .type(JOSEObjectType.JWT).build(), claims.build());
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an OpenID token", e);
        }
        return jwt.serialize();
    }

    /**
     * Verifies a token as this issuer's: its signature by one of the issuer's published keys, the issuer, one
     * audience and a subject, {@code amr}, and the times.
     *
     * @throws OpenIdTokenRejected saying why, in words fit for the caller
     */
    public OpenIdToken verify(String token) throws OpenIdTokenRejected {
        JWTClaimsSet claims;
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!ownTokens.signedBy(jwt, KeyOwner.IDENTITY_ISSUER, TokenPurpose.OPEN_ID)) {
                throw new OpenIdTokenRejected("The token's signature is not valid.");
            }
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException | IllegalStateException e) {
            throw new OpenIdTokenRejected("The token is not a signed JWT.");
        }
        if (!issuer().equals(claims.getIssuer())) {
            throw new OpenIdTokenRejected("The token's issuer is not this server's identity-pool issuer.");
        }
        if (claims.getAudience().size() != 1 || claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw new OpenIdTokenRejected("The token names no single identity pool and identity.");
        }
        switch (ownTokens.timing(claims)) {
            case EXPIRED -> throw new OpenIdTokenRejected("The token has expired.", true);
            case PREMATURE -> throw new OpenIdTokenRejected("The token is not valid yet.");
            case CURRENT -> {
            }
        }
        List<String> amr;
        try {
            amr = claims.getStringListClaim("amr");
        } catch (ParseException e) {
            amr = null;
        }
        if (amr == null || amr.isEmpty()) {
            throw new OpenIdTokenRejected("The token says nothing of how its identity signed in.");
        }
        return new OpenIdToken(claims.getAudience().get(0), claims.getSubject(), amr, tags(claims),
                claims.getExpirationTime().toInstant());
    }

    /** The session tags of a verified token: the first value of each principal tag (STS takes one per key). */
    private static Map<String, String> tags(JWTClaimsSet claims) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (claims.getClaim(TAGS_CLAIM) instanceof Map<?, ?> claim
                && claim.get("principal_tags") instanceof Map<?, ?> principal) {
            principal.forEach((key, values) -> {
                if (values instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof String value) {
                    tags.put(String.valueOf(key), value);
                }
            });
        }
        return tags;
    }
}
