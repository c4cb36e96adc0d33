package io.gatehouse.engine.token;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.engine.config.GatehouseConfig;
import io.gatehouse.engine.error.ServiceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.text.ParseException;
import java.util.Set;

/**
 * Checks a user pool's ID token where another service takes it as proof of a sign-in: an identity pool's
 * {@code Logins} ({@code cognito-idp.<region>.amazonaws.com/<poolId>}). Everything is checked, in Cognito's words
 * where it has them: the signature by one of the pool's published keys ({@link OwnTokens}),
 * the issuer, {@code token_use} {@code id} (an access token is not a login), an audience among the app clients the
 * caller accepts, the expiry, and the issue and not-before times (no token from the future).
 */
@ApplicationScoped
public class IdTokens {

    @Inject
    OwnTokens ownTokens;

    @Inject
    GatehouseConfig config;


    @Inject
    EndedSignIns endedSignIns;

    /**
     * Verifies {@code token} as an ID token of {@code userPoolId} for one of {@code clientIds}.
     *
     * @return its claims
     * @throws ServiceException {@code NotAuthorizedException} ("Invalid login token. ...") for anything else
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public JWTClaimsSet verify(String token, String userPoolId, Set<String> clientIds) {
        JWTClaimsSet claims;
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!ownTokens.signedBy(jwt, KeyOwner.userPool(userPoolId), TokenPurpose.ID)) {
                throw invalid("Token signature is not valid.");
            }
            claims = jwt.getJWTClaimsSet();
            if (!"id".equals(claims.getStringClaim("token_use"))) {
                throw invalid("Not an ID token.");
            }
        } catch (ParseException | IllegalStateException e) {
            throw invalid("Token is not from a supported provider of this identity pool.");
        }
        if (!(config.baseUrl() + "/" + userPoolId).equals(claims.getIssuer())) {
            throw invalid("Issuer doesn't match providerName.");
        }
        if (claims.getAudience().stream().noneMatch(clientIds::contains)) {
            throw invalid("Incorrect token audience.");
        }
        switch (ownTokens.timing(claims)) {
            case EXPIRED -> throw invalid("Token expired.");
            case PREMATURE -> throw invalid("Token is not valid yet.");
            case CURRENT -> {
            }
        }
        return claims;
    }

    /**
     * Whether the sign-in that issued a verified token was ended: what {@code ServerSideTokenCheck} asks. A token
     * that names no sign-in counts as ended: it could not be revoked.
     */
    public boolean signInEnded(JWTClaimsSet claims) {
        return !(claims.getClaim("origin_jti") instanceof String originJti) || endedSignIns.ended(originJti);
    }

    private static ServiceException invalid(String why) {
        return new ServiceException("NotAuthorizedException", "Invalid login token. " + why);
    }
}
