package io.gatehouse.engine.users;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.api.userstore.CredentialValidator;
import io.gatehouse.api.userstore.PasswordCredential;
import io.gatehouse.api.userstore.UserLookup;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.api.userstore.UserStatus;
import io.gatehouse.api.userstore.UserStore;
import io.gatehouse.engine.auth.AuthStep;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.metrics.GatehouseMetrics;
import io.gatehouse.engine.metrics.SignInMetrics;
import io.gatehouse.engine.resourceservers.OAuthScopes;
import io.gatehouse.engine.srp.SrpCredentials;
import io.gatehouse.engine.threat.adaptive.AdaptiveAuthentication;
import io.gatehouse.engine.threat.adaptive.RiskDecision;
import io.gatehouse.engine.threat.breach.CompromisedCredentials;
import io.gatehouse.engine.threat.breach.CompromisedCredentialsCheck;
import io.gatehouse.engine.threat.risk.CredentialEvent;
import io.gatehouse.engine.threat.lockout.SignInLocks;
import io.gatehouse.engine.token.TokenService;
import io.gatehouse.engine.token.TokenSet;
import io.gatehouse.engine.userpool.ClientOfPool;
import io.gatehouse.engine.userpool.SecretHash;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.engine.userpool.UserPoolClient;
import io.gatehouse.engine.userpool.UserPoolClients;
import io.gatehouse.engine.userpool.UserPools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The entry of sign-ins: InitiateAuth's flows (passwords here, USER_SRP_AUTH in {@link SrpSignIn}, CUSTOM_AUTH in
 * {@link CustomAuthFlow}, refresh tokens), RespondToAuthChallenge handed to the {@link ChallengeStep} of the challenge's name, the hosted UI's
 * password check, and the user behind an access token. What follows a proven password is {@link SignInChain}'s.
 */
@ApplicationScoped
public class SignInService {

    private static final String INCORRECT = "Incorrect username or password.";

    @Inject
    CompromisedCredentials compromised;

    @Inject
    ResetRequirements resetRequirements;

    @Inject
    UserPools pools;

    @Inject
    UserPoolClients clients;

    @Inject
    UserStores stores;

    @Inject
    TokenService tokens;

    @Inject
    SrpSignIn srp;

    @Inject
    ChallengeSteps steps;

    @Inject
    SignInChain chain;

    @Inject
    NewPasswordStep newPassword;

    @Inject
    MfaChallenges mfa;

    @Inject
    SrpCredentials srpCredentials;

    @Inject
    OAuthScopes oauthScopes;

    @Inject
    CustomAuthFlow customAuth;

    @Inject
    GatehouseMetrics metrics;

    @Inject
    SignInTriggers signInTriggers;

    @Inject
    SignInLocks locks;

    @Inject
    AdaptiveAuthentication adaptive;

    /**
     * Signs in through InitiateAuth or AdminInitiateAuth.
     *
     * <p>No transaction spans the call: checking a password takes tens of milliseconds of hashing, more when
     * sign-ins queue for a core, and a transaction would hold a database connection all that time, so a burst of
     * sign-ins could drain the pool for every other request. The reads before it each stand alone, and the one
     * write, the new refresh token (or the challenge's session), has a short transaction of its own.
     *
     * @param expectedPoolId the pool an administrator named (AdminInitiateAuth), or null
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public AuthStep initiate(String clientId, String expectedPoolId, String flow, Map<String, String> parameters) {
        return initiate(clientId, expectedPoolId, flow, parameters, Map.of());
    }

    /**
     * {@link #initiate(String, String, String, Map)} with the call's {@code ClientMetadata}, which Cognito passes to
     * the PreAuthentication and UserMigration triggers as their {@code validationData}.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public AuthStep initiate(String clientId, String expectedPoolId, String flow, Map<String, String> parameters,
                             Map<String, String> clientMetadata) {
        String label = SignInMetrics.flow(flow);
        return SignInMetrics.step(metrics, "REFRESH_TOKEN".equals(label) ? SignInMetrics.REFRESH_TOKEN_AUTH : label,
                () -> initiateFlow(clientId, expectedPoolId, flow, parameters, clientMetadata));
    }

    private AuthStep initiateFlow(String clientId, String expectedPoolId, String flow, Map<String, String> parameters,
                                  Map<String, String> clientMetadata) {
        return switch (flow) {
            case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN" ->
                    new AuthStep.Authenticated(refresh(clientId, expectedPoolId, parameters));
            case "USER_SRP_AUTH" -> srp.initiate(clientId, expectedPoolId, parameters, clientMetadata);
            case "CUSTOM_AUTH" -> customAuth.initiate(clientId, expectedPoolId, parameters, clientMetadata);
            default -> passwordSignIn(clientId, expectedPoolId, flow, parameters, clientMetadata);
        };
    }

    /**
     * Answers a challenge (RespondToAuthChallenge, AdminRespondToAuthChallenge) through the step that has its name;
     * each step runs in the transaction its work needs.
     *
     * @param expectedPoolId the pool an administrator named, or null
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public AuthStep respond(String clientId, String expectedPoolId, String challenge, String session,
                            Map<String, String> responses) {
        return respond(clientId, expectedPoolId, challenge, session, responses, Map.of());
    }

    /**
     * {@link #respond(String, String, String, String, Map)} with the call's {@code ClientMetadata}, which a custom
     * sign-in's challenge triggers get, and the PostAuthentication and pre token generation triggers when this answer
     * finishes the sign-in.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public AuthStep respond(String clientId, String expectedPoolId, String challenge, String session,
                            Map<String, String> responses, Map<String, String> clientMetadata) {
        return SignInMetrics.step(metrics, SignInMetrics.RESPOND_TO_AUTH_CHALLENGE, () -> steps.named(challenge)
                .answer(new ChallengeAnswer(clientId, expectedPoolId, session, responses, clientMetadata)));
    }

    /**
     * A password proven on the hosted UI's sign-in page.
     *
     * @param user               the user
     * @param newPasswordSession the session of a NEW_PASSWORD_REQUIRED step when the password was a temporary one,
     *                           else null
     * @param missingAttributes  the attributes the pool requires that the user must give with a new password
     * @param secondFactor       the second factor's challenge when the user must pass one, else null
     */
    public record PasswordProven(UserRecord user, String newPasswordSession, List<String> missingAttributes,
                                 AuthStep.Challenged secondFactor) {
        public PasswordProven {
            missingAttributes = List.copyOf(missingAttributes);
        }
    }

    /**
     * The hosted UI's sign-in: the password checked as USER_PASSWORD_AUTH checks it, whatever the client's
     * ExplicitAuthFlows (they govern the API, not the pool's own pages), with no SECRET_HASH (the page is the
     * server's own). No tokens: the authorization endpoint issues a code for them.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public PasswordProven provePassword(UserPoolClient client, String username, String password) {
        PasswordProven proven;
        try {
            proven = checkPageSignIn(client, username, password);
        } catch (RuntimeException e) {
            metrics.signIn(SignInMetrics.HOSTED_UI, GatehouseMetrics.SignInOutcome.FAILURE);
            throw e;
        }
        // The page's password is the first step: the code comes later from the authorization endpoint.
        metrics.signIn(SignInMetrics.HOSTED_UI, proven.newPasswordSession() == null && proven.secondFactor() == null
                ? GatehouseMetrics.SignInOutcome.SUCCESS : GatehouseMetrics.SignInOutcome.CHALLENGE);
        return proven;
    }

    private PasswordProven checkPageSignIn(UserPoolClient client, String username, String password) {
        UserPool pool = pools.get(client.userPoolId());
        PasswordChecked checked = checkPassword(pool, client, stores.forPool(pool), username, password, Map.of());
        UserRecord user = checked.user();
        // The pages do not remember devices: every sign-in there is judged as from an unconfirmed one.
        RiskDecision risk = adaptive.assess(pool, client, user, false, checked.compromisedCredentials());
        if (user.status() == UserStatus.FORCE_CHANGE_PASSWORD) {
            adaptive.record(pool, user, risk, false);
            return newPassword.pageFor(pool, client, user);
        }
        Optional<AuthStep.Challenged> second = chain.secondFactor(pool, client, user, false, risk);
        adaptive.record(pool, user, risk, second.isPresent());
        return new PasswordProven(user, null, List.of(), second.orElse(null));
    }

    /**
     * A sign-in on the hosted UI's pages passed its last step: the pool's PostAuthentication trigger sees it before
     * the sign-in is finished (and the trigger's error ends it).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void signedInOnPage(UserPoolClient client, UserRecord user) {
        // The pages do not remember devices: no sign-in there is a new device's.
        signInTriggers.postAuthentication(pools.get(client.userPoolId()), client, user, true, Map.of());
    }

    /**
     * The hosted UI's new-password page set the user's password: the second factor's challenge when the pool and
     * the user call for one, as after any password.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Optional<AuthStep.Challenged> secondFactorForPage(UserPoolClient client, UserRecord user) {
        return mfa.forPage(pools.get(client.userPoolId()), client, user);
    }

    private AuthStep passwordSignIn(String clientId, String expectedPoolId, String flow, Map<String, String> parameters,
                                    Map<String, String> clientMetadata) {
        ClientOfPool app = chain.client(clientId, expectedPoolId);
        UserPoolClient client = app.client();
        allowFlow(client, flow);
        String username = parameters.get("USERNAME");
        String password = parameters.get("PASSWORD");
        if (username == null || password == null) {
            throw ServiceException.invalidParameter("Missing required parameter " + (username == null ? "USERNAME"
                    : "PASSWORD"));
        }
        SecretHash.check(client, username, parameters.get("SECRET_HASH"));
        UserPool pool = app.pool();
        UserStore store = stores.forPool(pool);
        PasswordChecked checked = checkPassword(pool, client, store, username, password, clientMetadata);
        return chain.afterFirstFactor(pool, client, checked.user(), Optional.ofNullable(parameters.get("DEVICE_KEY")),
                checked.compromisedCredentials());
    }

    /**
     * Finds the user and checks their password and whether they may sign in; an unknown user fails as a wrong
     * password does, as slowly, where the client prevents existence errors. A name the pool does not know goes to
     * its UserMigration trigger first; the PreAuthentication trigger sees the sign-in before the password is
     * checked, so its refusal counts nothing against the user.
     *
     * @param validationData the ClientMetadata of InitiateAuth, for the triggers
     */
    private PasswordChecked checkPassword(UserPool pool, UserPoolClient client, UserStore store, String username,
                                          String password, Map<String, String> validationData) {
        Optional<UserRecord> found = PoolUsers.find(pool, store, username);
        UserRecord user;
        // A locked user (or name) is refused before anything looks at the password, the right one included; the
        // attempt is closed whatever happens (a trigger's refusal, say), letting the next one on its counter begin.
        try (SignInLocks.Attempt attempt = lockAttempt(pool, username, found)) {
            if (found.isEmpty()) {
                found = signInTriggers.migrate(pool, client, username, SignInTriggers.MIGRATION_AUTHENTICATION,
                        Optional.of(password), validationData, Map.of());
            }
            signInTriggers.preAuthentication(pool, client, username, found, validationData);
            if (found.isEmpty()) {
                if (ExistenceErrors.prevented(client)) {
                    // As slow as a wrong password, or the response time would tell that the user does not exist.
                    PoolUsers.capability(store, CredentialValidator.class).simulate(new PasswordCredential(password));
                }
                locks.failed(attempt);
                throw ExistenceErrors.unknownUser(client, new ServiceException("NotAuthorizedException", INCORRECT));
            }
            user = found.get();
            if (user.status() == UserStatus.RESET_REQUIRED) {
                // No password to check (an imported user, or one an administrator reset): Cognito's contract is this
                // answer, which sends the app to ForgotPassword, as anyone may call it anyway.
                checkMaySignIn(user);
            }
            CredentialValidator.Outcome outcome = PoolUsers.capability(store, CredentialValidator.class)
                    .validate(user, new PasswordCredential(password));
            if (outcome != CredentialValidator.Outcome.VALID) {
                adaptive.failedPassword(pool, client, user);
                locks.failed(attempt);
                throw new ServiceException("NotAuthorizedException", INCORRECT);
            }
            locks.succeeded(attempt);
        }
        // Any other state of the account only after the password: told to whoever knows the password alone, it
        // says nothing about which accounts exist, and sends no code on a stranger's behalf.
        checkMaySignIn(user);
        CompromisedCredentialsCheck compromisedCheck = refuseIfCompromised(pool, client, store, user, password);
        srpCredentials.ensure(pool, store, user, password);
        return new PasswordChecked(user, compromisedCheck.compromisedCredentialsDetected());
    }

    /**
     * A password proven right.
     *
     * @param compromisedCredentials whether it was found among breached ones (and let through), for the auth event
     */
    private record PasswordChecked(UserRecord user, boolean compromisedCredentials) {
    }

    /**
     * Compromised-credentials detection at a sign-in that sent the password. Where the pool blocks it, the user's
     * status becomes RESET_REQUIRED, as Cognito does, and their sign-ins end: whoever else knows the breached
     * password may hold them. A temporary password is not looked up here: its replacement is, at
     * NEW_PASSWORD_REQUIRED.
     *
     * @return what was found, for the sign-in's auth event
     * @throws ServiceException {@code PasswordResetRequiredException} where the pool blocks it
     */
    private CompromisedCredentialsCheck refuseIfCompromised(UserPool pool, UserPoolClient client, UserStore store,
                                                            UserRecord user, String password) {
        if (user.status() == UserStatus.FORCE_CHANGE_PASSWORD) {
            return CompromisedCredentialsCheck.skipped(CredentialEvent.SIGN_IN);
        }
        CompromisedCredentialsCheck check = compromised.atSignIn(pool, client.clientId(), password);
        if (check.blocked()) {
            adaptive.blockedCompromised(pool, client, user);
            resetRequirements.require(pool, store, user);
            throw new ServiceException("PasswordResetRequiredException", "Password reset required for the user");
        }
        return check;
    }

    /**
     * The lock a password attempt counts against: the user's, or the unknown name's. An unknown name is counted
     * whether or not the client hides which users exist: where it hides them, so that real and made-up names lock
     * alike; where it does not, because the pool's UserMigration trigger checks the password given for an unknown
     * name against the legacy store, and those guesses must lock too (existence is told there anyway).
     *
     * @throws io.gatehouse.engine.threat.lockout.PasswordAttemptsExceeded while it is locked
     */
    SignInLocks.Attempt lockAttempt(UserPool pool, String username, Optional<UserRecord> found) {
        return locks.begin(pool.id(), found.isPresent() ? SignInLocks.user(pool.id(), found.get().sub())
                : SignInLocks.name(pool.id(), PoolUsers.lookupName(pool, username)));
    }

    /**
     * Refuses users whose account does not allow a sign-in now: disabled, unconfirmed, awaiting a reset.
     *
     * @throws ServiceException Cognito's error for the account's state
     */
    static void checkMaySignIn(UserRecord user) {
        if (!user.enabled()) {
            throw new ServiceException("NotAuthorizedException", "User is disabled.");
        }
        switch (user.status()) {
            case UNCONFIRMED -> throw new ServiceException("UserNotConfirmedException", "User is not confirmed.");
            case RESET_REQUIRED -> throw new ServiceException("PasswordResetRequiredException",
                    "Password reset required for the user");
            case CONFIRMED, FORCE_CHANGE_PASSWORD -> { }
            default -> throw new ServiceException("NotAuthorizedException", INCORRECT);
        }
    }

    /** New ID and access tokens for a refresh token, while its user may still sign in. */
    private TokenSet refresh(String clientId, String expectedPoolId, Map<String, String> parameters) {
        return refresh(clientId, expectedPoolId, parameters, true);
    }

    /** @param secretHash whether a confidential client proves itself with SECRET_HASH here (not when it sent its secret) */
    private TokenSet refresh(String clientId, String expectedPoolId, Map<String, String> parameters,
                             boolean secretHash) {
        ClientOfPool app = chain.client(clientId, expectedPoolId);
        UserPoolClient client = app.client();
        allowFlow(client, "REFRESH_TOKEN_AUTH");
        String refreshToken = parameters.get("REFRESH_TOKEN");
        if (refreshToken == null) {
            throw ServiceException.invalidParameter("Missing required parameter REFRESH_TOKEN");
        }
        TokenService.RefreshGrant grant = narrowed(client, tokens.redeem(client, refreshToken));
        UserPool pool = app.pool();
        UserRecord user = PoolUsers.capability(stores.forPool(pool), UserLookup.class).findBySub(grant.sub())
                .orElseThrow(() -> new ServiceException("NotAuthorizedException", "Invalid Refresh Token"));
        if (secretHash) {
            // Confidential clients prove themselves here too; the hash is over the user name.
            SecretHash.check(client, user.username(), parameters.get("SECRET_HASH"));
        }
        if (!user.enabled()) {
            throw new ServiceException("NotAuthorizedException", "User is disabled.");
        }
        return tokens.refresh(pool, client, user, grant);
    }

    /**
     * A sign-in through the OAuth endpoints keeps only the scopes its client may still be granted; none left, and
     * the refresh token is no longer good.
     */
    private TokenService.RefreshGrant narrowed(UserPoolClient client, TokenService.RefreshGrant grant) {
        if (grant.scopes() == null) {
            return grant;
        }
        Set<String> grantable = oauthScopes.grantable(client);
        List<String> kept = grant.scopes().stream().filter(grantable::contains).toList();
        if (kept.isEmpty()) {
            throw new ServiceException("NotAuthorizedException", "Invalid Refresh Token");
        }
        return new TokenService.RefreshGrant(grant.sub(), grant.originJti(), grant.authTime(), kept);
    }

    /** Ends every sign-in of the access token's user (GlobalSignOut). */
    @Transactional
    public void globalSignOut(String accessToken) {
        Caller caller = caller(accessToken);
        tokens.revokeAll(caller.pool().id(), caller.user().sub());
    }

    /**
     * New tokens for a refresh token (GetTokensFromRefreshToken). A client with RefreshTokenRotation enabled also
     * gets a new refresh token, and the one it presented stops working after the client's grace period.
     */
    @Transactional
    public TokenSet tokensFromRefreshToken(String clientId, String clientSecret, String refreshToken) {
        UserPoolClient client = clients.byClientId(clientId);
        checkClientSecret(client, clientSecret);
        return tokensFromRefreshToken(client, refreshToken);
    }

    /** {@link #tokensFromRefreshToken(String, String, String)} for a client its caller has authenticated. */
    @Transactional
    public TokenSet tokensFromRefreshToken(UserPoolClient client, String refreshToken) {
        return SignInMetrics.finished(metrics, SignInMetrics.REFRESH_TOKEN_AUTH,
                () -> refreshedTokens(client, refreshToken));
    }

    private TokenSet refreshedTokens(UserPoolClient client, String refreshToken) {
        TokenSet fresh = refresh(client.clientId(), null, Map.of("REFRESH_TOKEN", refreshToken), false);
        JsonNode rotation = client.settings().path("RefreshTokenRotation");
        if (!"ENABLED".equals(rotation.path("Feature").asText())) {
            return fresh;
        }
        String rotated = tokens.rotate(client, refreshToken,
                Duration.ofSeconds(rotation.path("RetryGracePeriodSeconds").asLong(0)));
        return new TokenSet(fresh.idToken(), fresh.accessToken(), rotated, fresh.expiresInSeconds());
    }

    /** Revokes one refresh token and the access tokens of its sign-in (RevokeToken). */
    @Transactional
    public void revoke(String clientId, String clientSecret, String refreshToken) {
        UserPoolClient client = clients.byClientId(clientId);
        checkClientSecret(client, clientSecret);
        revoke(client, refreshToken);
    }

    /**
     * {@link #revoke(String, String, String)} for a client its caller has authenticated.
     *
     * @throws ServiceException {@code UnsupportedOperationException} when the client has token revocation off,
     *                          {@code UnsupportedTokenTypeException} when the token is not one of its refresh tokens
     */
    @Transactional
    public void revoke(UserPoolClient client, String refreshToken) {
        if (!client.settings().path("EnableTokenRevocation").asBoolean(true)) {
            throw new ServiceException("UnsupportedOperationException", "Token revocation is not enabled for "
                    + "this app client.");
        }
        if (!tokens.revoke(client, refreshToken)) {
            throw new ServiceException("UnsupportedTokenTypeException", "The token is not a refresh token of this "
                    + "app client.");
        }
    }

    /**
     * The user behind a valid access token, their pool, the app client the token was issued to, its scopes, and
     * the sign-in it belongs to (the {@code origin_jti} its tokens share).
     */
    public record Caller(UserPool pool, UserRecord user, String clientId, List<String> scopes, String originJti) {
        public Caller {
            scopes = List.copyOf(scopes);
        }
    }

    /**
     * The user an access token belongs to (GetUser and the other calls a user makes with their token).
     *
     * @throws ServiceException {@code NotAuthorizedException} for an invalid, expired or revoked token, or a
     *                          user who no longer exists
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Caller caller(String accessToken) {
        // A client's own token (client_credentials), or a user's without the scope, cannot act as the user.
        return caller(accessToken, TokenService.USER_ADMIN_SCOPE);
    }

    /**
     * The user an access token with {@code scope} belongs to ({@code openid} for the userInfo endpoint).
     *
     * @throws ServiceException {@code NotAuthorizedException} as {@link #caller(String)}, or when the token lacks
     *                          the scope
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Caller caller(String accessToken, String scope) {
        Caller caller = bearer(accessToken);
        if (!caller.scopes().contains(scope)) {
            throw new ServiceException("NotAuthorizedException", "Access Token does not have required scopes");
        }
        return caller;
    }

    /**
     * The user behind a valid access token, whatever its scopes (the caller checks those): the token must be current
     * and unrevoked, and its user must exist and be enabled (AdminDisableUser ends every sign-in at once, tokens
     * that no refresh token stands behind included).
     *
     * @throws ServiceException {@code NotAuthorizedException}
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Caller bearer(String accessToken) {
        var claims = tokens.verifyAccessToken(accessToken);
        Object granted = claims.getClaim("scope");
        List<String> scopes = granted instanceof String list ? Arrays.asList(list.split(" ")) : List.of();
        String issuer = claims.getIssuer();
        String poolId = issuer.substring(issuer.lastIndexOf('/') + 1);
        UserPool pool;
        UserPoolClient client;
        try {
            pool = pools.get(poolId);
            client = clients.byClientId(String.valueOf(claims.getClaim("client_id")));
        } catch (ServiceException e) {
            // A token outlives neither its pool nor its app client: deleting a client is how an app's leaked
            // tokens are ended, and the caller learns only that the token is no good, not what is gone.
            throw new ServiceException("NotAuthorizedException", "Invalid Access Token");
        }
        if (!client.userPoolId().equals(pool.id())) {
            throw new ServiceException("NotAuthorizedException", "Invalid Access Token");
        }
        UserRecord user = PoolUsers.capability(stores.forPool(pool), UserLookup.class).findBySub(claims.getSubject())
                .orElseThrow(() -> new ServiceException("NotAuthorizedException", "Invalid Access Token"));
        if (!user.enabled()) {
            throw new ServiceException("NotAuthorizedException", "User is disabled.");
        }
        return new Caller(pool, user, client.clientId(), scopes,
                String.valueOf(claims.getClaim("origin_jti")));
    }

    /**
     * The user with this sub if they may still get tokens: signed in earlier (a hosted UI session, an authorization
     * code) and since neither deleted, disabled, nor set back to a state that needs a step first.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UserRecord> stillSignedIn(UserPool pool, String sub) {
        return PoolUsers.capability(stores.forPool(pool), UserLookup.class).findBySub(sub)
                .filter(u -> u.enabled()
                        && (u.status() == UserStatus.CONFIRMED || u.status() == UserStatus.EXTERNAL_PROVIDER));
    }

    /** Confidential clients name their secret itself on the token calls that carry no user name. */
    private static void checkClientSecret(UserPoolClient client, String clientSecret) {
        if (client.clientSecret().isPresent() && !client.secretMatches(clientSecret)) {
            throw new ServiceException("NotAuthorizedException", "Unable to verify client secret for client "
                    + client.clientId());
        }
    }

    static void allowFlow(UserPoolClient client, String flow) {
        Set<String> allowed = PoolUsers.names(client.settings().path("ExplicitAuthFlows"));
        boolean permitted = switch (flow) {
            case "USER_PASSWORD_AUTH" -> allowed.contains("ALLOW_USER_PASSWORD_AUTH")
                    || allowed.contains("USER_PASSWORD_AUTH");
            case "ADMIN_USER_PASSWORD_AUTH", "ADMIN_NO_SRP_AUTH" -> allowed.contains("ALLOW_ADMIN_USER_PASSWORD_AUTH")
                    || allowed.contains("ADMIN_NO_SRP_AUTH");
            // Clients with only legacy flows (or none) could always refresh and use SRP.
            case "REFRESH_TOKEN_AUTH" -> allowed.contains("ALLOW_REFRESH_TOKEN_AUTH")
                    || allowed.stream().noneMatch(f -> f.startsWith("ALLOW_"));
            case "USER_SRP_AUTH" -> allowed.contains("ALLOW_USER_SRP_AUTH")
                    || allowed.stream().noneMatch(f -> f.startsWith("ALLOW_"));
            case "CUSTOM_AUTH" -> allowed.contains("ALLOW_CUSTOM_AUTH") || allowed.contains("CUSTOM_AUTH_FLOW_ONLY");
            default -> throw ServiceException.invalidParameter("Gatehouse does not support the " + flow
                    + " flow yet.");
        };
        if (!permitted) {
            throw ServiceException.invalidParameter(flow + " flow not enabled for this client");
        }
    }
}
