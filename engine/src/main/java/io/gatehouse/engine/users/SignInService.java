package io.gatehouse.engine.users;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.api.userstore.CredentialValidator;
import io.gatehouse.api.userstore.PasswordCredential;
import io.gatehouse.api.userstore.UserLookup;
import io.gatehouse.api.userstore.UserModification;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.api.userstore.UserStatus;
import io.gatehouse.api.userstore.UserStore;
import io.gatehouse.engine.auth.AuthSessions;
import io.gatehouse.engine.auth.AuthStep;
import io.gatehouse.engine.devices.Device;
import io.gatehouse.engine.devices.Devices;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.resourceservers.OAuthScopes;
import io.gatehouse.engine.srp.SrpCredentials;
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

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Password sign-in (USER_PASSWORD_AUTH, and ADMIN_USER_PASSWORD_AUTH for servers; USER_SRP_AUTH in
 * {@link SrpSignIn}) and the user's own profile behind an access token. Multi-step flows (challenges, MFA) build on
 * this.
 */
@ApplicationScoped
public class SignInService {

    static final String NEW_PASSWORD_REQUIRED = "NEW_PASSWORD_REQUIRED";
    private static final String INCORRECT = "Incorrect username or password.";
    private static final String ATTRIBUTE_PREFIX = "userAttributes.";

    @Inject
    UserPools pools;

    @Inject
    UserPoolClients clients;

    @Inject
    UserStores stores;

    @Inject
    TokenService tokens;

    @Inject
    AuthSessions sessions;

    @Inject
    Clock clock;

    @Inject
    SrpSignIn srp;

    @Inject
    SrpCredentials srpCredentials;

    @Inject
    Devices devices;

    @Inject
    OAuthScopes oauthScopes;

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
        return switch (flow) {
            case "REFRESH_TOKEN_AUTH", "REFRESH_TOKEN" ->
                    new AuthStep.Authenticated(refresh(clientId, expectedPoolId, parameters));
            case "USER_SRP_AUTH" -> srp.initiate(clientId, expectedPoolId, parameters);
            default -> passwordSignIn(clientId, expectedPoolId, flow, parameters);
        };
    }

    /**
     * Answers a challenge (RespondToAuthChallenge, AdminRespondToAuthChallenge).
     *
     * @param expectedPoolId the pool an administrator named, or null
     */
    @Transactional
    public AuthStep respond(String clientId, String expectedPoolId, String challenge, String session,
                            Map<String, String> responses) {
        switch (challenge) {
            case SrpSignIn.PASSWORD_VERIFIER -> {
                return srp.respond(clientId, expectedPoolId, responses);
            }
            case SrpSignIn.DEVICE_SRP_AUTH -> {
                return srp.respondDevice(clientId, expectedPoolId, session, responses);
            }
            case SrpSignIn.DEVICE_PASSWORD_VERIFIER -> {
                return srp.respondDeviceVerifier(clientId, expectedPoolId, responses);
            }
            default -> { }
        }
        ClientOfPool app = client(clientId, expectedPoolId);
        UserPoolClient client = app.client();
        if (!NEW_PASSWORD_REQUIRED.equals(challenge)) {
            throw ServiceException.invalidParameter("Gatehouse does not support the " + challenge
                    + " challenge yet.");
        }
        UserRecord confirmed = newPassword(client, session, responses, true);
        return authenticated(app.pool(), client, confirmed, false);
    }

    /**
     * The hosted UI's NEW_PASSWORD_REQUIRED step: the user chose their own password in place of a temporary one,
     * and gave the required attributes they lacked. The client is the server's own page, so no SECRET_HASH is asked
     * for.
     *
     * @return the user, now CONFIRMED
     */
    @Transactional
    public UserRecord chooseNewPassword(UserPoolClient client, String session, String username, String newPassword,
                                        Map<String, String> attributes) {
        Map<String, String> responses = new HashMap<>();
        attributes.forEach((name, value) -> responses.put(ATTRIBUTE_PREFIX + name, value));
        responses.put("USERNAME", username);
        responses.put("NEW_PASSWORD", newPassword);
        return newPassword(client, session, responses, false);
    }

    /** Answers NEW_PASSWORD_REQUIRED: checks the session and the answer, sets the password, confirms the user. */
    private UserRecord newPassword(UserPoolClient client, String session, Map<String, String> responses,
                                   boolean secretHash) {
        AuthSessions.Pending pending = sessions.take(session, client.clientId(), NEW_PASSWORD_REQUIRED);
        UserPool pool = pools.get(pending.userPoolId());
        UserStore store = stores.forPool(pool);
        UserRecord user = PoolUsers.capability(store, UserLookup.class).findBySub(pending.sub())
                .orElseThrow(() -> new ServiceException("NotAuthorizedException", INCORRECT));
        String username = responses.get("USERNAME");
        if (username == null || PoolUsers.find(pool, store, username).filter(u -> u.sub().equals(user.sub()))
                .isEmpty()) {
            throw ServiceException.invalidParameter("Missing required parameter USERNAME, or it names another user");
        }
        if (secretHash) {
            SecretHash.check(client, username, responses.get("SECRET_HASH"));
        }
        String newPassword = responses.get("NEW_PASSWORD");
        if (newPassword == null) {
            throw ServiceException.invalidParameter("Missing required parameter NEW_PASSWORD");
        }
        PasswordPolicy.of(pool.settings()).check(newPassword);
        Map<String, String> given = new HashMap<>();
        responses.forEach((name, value) -> {
            if (name.startsWith(ATTRIBUTE_PREFIX)) {
                given.put(name.substring(ATTRIBUTE_PREFIX.length()), value);
            }
        });
        Map<String, String> added = AttributeRules.checkNewPasswordAnswer(pool.settings(), client.settings(),
                user.attributes(), given);
        Map<String, String> changes = new HashMap<>(added);
        for (String attribute : AttributeService.VERIFIABLE) {
            String value = added.get(attribute);
            if (value != null) {
                // Given by the user, not proven: unverified until a code sent to it comes back.
                PoolUsers.checkSignInAttributeFree(pool, store, user, attribute, value);
                changes.put(attribute + "_verified", "false");
            }
        }
        UserModification modification = PoolUsers.capability(store, UserModification.class);
        modification.updatePassword(user.sub(), new PasswordCredential(newPassword));
        srpCredentials.passwordSet(pool, store, user, newPassword);
        modification.updateStatus(user.sub(), UserStatus.CONFIRMED);
        if (!changes.isEmpty()) {
            modification.updateAttributes(user.sub(), changes, Set.of());
        }
        return PoolUsers.capability(store, UserLookup.class).findBySub(user.sub()).orElseThrow();
    }

    /**
     * A password proven on the hosted UI's sign-in page.
     *
     * @param user               the user
     * @param newPasswordSession the session of a NEW_PASSWORD_REQUIRED step when the password was a temporary one,
     *                           else null
     * @param missingAttributes  the attributes the pool requires that the user must give with a new password
     */
    public record PasswordProven(UserRecord user, String newPasswordSession, List<String> missingAttributes) {
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
        UserPool pool = pools.get(client.userPoolId());
        UserRecord user = checkPassword(pool, client, stores.forPool(pool), username, password);
        if (user.status() == UserStatus.FORCE_CHANGE_PASSWORD) {
            checkTemporaryPassword(pool, user);
            return new PasswordProven(user, sessions.open(pool.id(), client.clientId(), user.sub(),
                    NEW_PASSWORD_REQUIRED, sessionValidity(client)), missingRequired(pool, user));
        }
        return new PasswordProven(user, null, List.of());
    }

    private AuthStep passwordSignIn(String clientId, String expectedPoolId, String flow, Map<String, String> parameters) {
        ClientOfPool app = client(clientId, expectedPoolId);
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
        UserRecord user = checkPassword(pool, client, store, username, password);
        return signedIn(pool, client, user, Optional.ofNullable(parameters.get("DEVICE_KEY")));
    }

    /**
     * Finds the user and checks their password and whether they may sign in; an unknown user fails as a wrong
     * password does, as slowly, where the client prevents existence errors.
     */
    private UserRecord checkPassword(UserPool pool, UserPoolClient client, UserStore store, String username,
                                     String password) {
        Optional<UserRecord> found = PoolUsers.find(pool, store, username);
        if (found.isEmpty()) {
            if (ExistenceErrors.prevented(client)) {
                // As slow as a wrong password, or the response time would tell that the user does not exist.
                PoolUsers.capability(store, CredentialValidator.class).simulate(new PasswordCredential(password));
            }
            throw ExistenceErrors.unknownUser(client, new ServiceException("NotAuthorizedException", INCORRECT));
        }
        UserRecord user = found.get();
        if (user.status() == UserStatus.RESET_REQUIRED) {
            // No password to check (an imported user, or one an administrator reset): Cognito's contract is this
            // answer, which sends the app to ForgotPassword, as anyone may call it anyway.
            checkMaySignIn(user);
        }
        CredentialValidator.Outcome outcome = PoolUsers.capability(store, CredentialValidator.class)
                .validate(user, new PasswordCredential(password));
        if (outcome != CredentialValidator.Outcome.VALID) {
            throw new ServiceException("NotAuthorizedException", INCORRECT);
        }
        // Any other state of the account only after the password: told to whoever knows the password alone, it
        // says nothing about which accounts exist, and sends no code on a stranger's behalf.
        checkMaySignIn(user);
        srpCredentials.ensure(pool, store, user, password);
        return user;
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

    /**
     * The password was proven: tokens, unless the user must first choose a new password (it was a temporary one)
     * or the remembered device they sign in from must prove itself (DEVICE_SRP_AUTH).
     *
     * @param deviceKey the DEVICE_KEY the client sent, if any
     */
    AuthStep signedIn(UserPool pool, UserPoolClient client, UserRecord user, Optional<String> deviceKey) {
        if (user.status() == UserStatus.FORCE_CHANGE_PASSWORD) {
            return newPasswordRequired(pool, client, user);
        }
        Optional<Device> device = deviceKey.flatMap(key -> devices.find(pool.id(), user.sub(), key))
                .filter(Device::confirmed);
        if (device.filter(Device::remembered).isPresent()) {
            return srp.deviceChallenge(pool, client, user);
        }
        return authenticated(pool, client, user, device.isPresent());
    }

    /**
     * The tokens of a finished sign-in, with a new device key when the pool remembers devices and the client did
     * not sign in from one it knows.
     */
    AuthStep authenticated(UserPool pool, UserPoolClient client, UserRecord user, boolean knownDevice) {
        TokenSet issued = tokens.issue(pool, client, user);
        if (knownDevice || !Devices.tracked(pool)) {
            return new AuthStep.Authenticated(issued);
        }
        return new AuthStep.Authenticated(issued, devices.issue(pool, user.sub()));
    }

    /** A temporary password was right: the user must choose their own before any token is issued. */
    private AuthStep newPasswordRequired(UserPool pool, UserPoolClient client, UserRecord user) {
        checkTemporaryPassword(pool, user);
        String session = sessions.open(pool.id(), client.clientId(), user.sub(), NEW_PASSWORD_REQUIRED,
                sessionValidity(client));
        List<String> required = missingRequired(pool, user).stream().map(n -> ATTRIBUTE_PREFIX + n).toList();
        Map<String, String> visible = new TreeMap<>(withoutSystemOwned(user.attributes()));
        visible.remove("email_verified");
        visible.remove("phone_number_verified");
        return new AuthStep.Challenged(NEW_PASSWORD_REQUIRED, session, Map.of(
                "USER_ID_FOR_SRP", user.username(),
                "requiredAttributes", Json.write(Json.MAPPER.valueToTree(required)),
                "userAttributes", Json.write(Json.MAPPER.valueToTree(visible))));
    }

    /** The attributes the pool requires that the user has no value for: they give them with their new password. */
    private static List<String> missingRequired(UserPool pool, UserRecord user) {
        return AttributeRules.missingRequired(pool.settings(), user.attributes());
    }

    /**
     * The attributes the hosted UI's new-password page asks for: those the pool requires and the user of the
     * session lacks, from the pool and the user, never from the page's own form.
     *
     * @throws ServiceException {@code NotAuthorizedException} when the session is not a current NEW_PASSWORD_REQUIRED
     *                          session of this client
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> newPasswordAttributes(UserPoolClient client, String session) {
        AuthSessions.Pending pending = sessions.peek(session, client.clientId(), NEW_PASSWORD_REQUIRED);
        UserPool pool = pools.get(pending.userPoolId());
        return PoolUsers.capability(stores.forPool(pool), UserLookup.class).findBySub(pending.sub())
                .map(user -> missingRequired(pool, user)).orElse(List.of());
    }

    /** A temporary password is good for the pool's TemporaryPasswordValidityDays. */
    private void checkTemporaryPassword(UserPool pool, UserRecord user) {
        int validityDays = pool.settings().path("Policies").path("PasswordPolicy")
                .path("TemporaryPasswordValidityDays").asInt(7);
        if (user.lastModified().plus(Duration.ofDays(validityDays)).isBefore(clock.instant())) {
            throw new ServiceException("NotAuthorizedException",
                    "Temporary password has expired and must be reset by an administrator.");
        }
    }

    private static Duration sessionValidity(UserPoolClient client) {
        return Duration.ofMinutes(client.settings().path("AuthSessionValidity").asInt(3));
    }

    private static Map<String, String> withoutSystemOwned(Map<String, String> attributes) {
        Map<String, String> writable = new HashMap<>(attributes);
        writable.keySet().removeIf(n -> n.equals("sub") || n.endsWith("_verified") || n.startsWith("dev:")
                || n.equals("identities"));
        return writable;
    }

    /** New ID and access tokens for a refresh token, while its user may still sign in. */
    private TokenSet refresh(String clientId, String expectedPoolId, Map<String, String> parameters) {
        return refresh(clientId, expectedPoolId, parameters, true);
    }

    /** @param secretHash whether a confidential client proves itself with SECRET_HASH here (not when it sent its secret) */
    private TokenSet refresh(String clientId, String expectedPoolId, Map<String, String> parameters,
                             boolean secretHash) {
        ClientOfPool app = client(clientId, expectedPoolId);
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
        UserPool pool = pools.get(issuer.substring(issuer.lastIndexOf('/') + 1));
        UserRecord user = PoolUsers.capability(stores.forPool(pool), UserLookup.class).findBySub(claims.getSubject())
                .orElseThrow(() -> new ServiceException("NotAuthorizedException", "Invalid Access Token"));
        if (!user.enabled()) {
            throw new ServiceException("NotAuthorizedException", "User is disabled.");
        }
        return new Caller(pool, user, String.valueOf(claims.getClaim("client_id")), scopes,
                String.valueOf(claims.getClaim("origin_jti")));
    }

    /**
     * The user with this sub if they may still get tokens: signed in earlier (a hosted UI session, an authorization
     * code) and since neither deleted, disabled, nor set back to a state that needs a step first.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UserRecord> stillSignedIn(UserPool pool, String sub) {
        return PoolUsers.capability(stores.forPool(pool), UserLookup.class).findBySub(sub)
                .filter(u -> u.enabled() && u.status() == UserStatus.CONFIRMED);
    }

    /** Confidential clients name their secret itself on the token calls that carry no user name. */
    private static void checkClientSecret(UserPoolClient client, String clientSecret) {
        if (client.clientSecret().isPresent() && !client.secretMatches(clientSecret)) {
            throw new ServiceException("NotAuthorizedException", "Unable to verify client secret for client "
                    + client.clientId());
        }
    }

    ClientOfPool client(String clientId, String expectedPoolId) {
        ClientOfPool found = clients.byClientIdWithPool(clientId);
        if (expectedPoolId != null && !expectedPoolId.equals(found.pool().id())) {
            throw ServiceException.resourceNotFound("User pool client " + clientId + " does not exist.");
        }
        return found;
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
            default -> throw ServiceException.invalidParameter("Gatehouse does not support the " + flow
                    + " flow yet.");
        };
        if (!permitted) {
            throw ServiceException.invalidParameter(flow + " flow not enabled for this client");
        }
    }
}
