package io.gatehouse.engine.users;

import io.gatehouse.api.userstore.UserLookup;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.api.userstore.UserStore;
import io.gatehouse.api.userstore.UserStatus;
import io.gatehouse.engine.auth.AuthStep;
import io.gatehouse.engine.devices.Device;
import io.gatehouse.engine.devices.Devices;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.threat.adaptive.AdaptiveAuthentication;
import io.gatehouse.engine.threat.adaptive.RiskDecision;
import io.gatehouse.engine.token.TokenGeneration;
import io.gatehouse.engine.token.TokenService;
import io.gatehouse.engine.token.TokenSet;
import io.gatehouse.engine.userpool.ClientOfPool;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.engine.userpool.UserPoolClient;
import io.gatehouse.engine.userpool.UserPoolClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Optional;

/**
 * The order of a sign-in's steps once the user's first factor (password or SRP proof) is in: a new password where
 * the one used was temporary ({@link NewPasswordStep}), then either a remembered device's proof
 * ({@code DEVICE_SRP_AUTH}) or the second factor the pool and user call for ({@link MfaChallenges}), then tokens.
 * Each step asks this class what comes after it, so a step added to the chain is added here, not in every step
 * before it. Adaptive authentication judges each sign-in once its first factor is in, and may refuse it or ask for
 * a second factor the pool alone would not.
 */
@ApplicationScoped
public class SignInChain {

    @Inject
    UserPoolClients clients;

    @Inject
    UserStores stores;

    @Inject
    TokenService tokens;

    @Inject
    Devices devices;

    @Inject
    SrpSignIn srp;

    @Inject
    NewPasswordStep newPassword;

    @Inject
    MfaChallenges mfa;

    @Inject
    SignInTriggers signInTriggers;

    @Inject
    AdaptiveAuthentication adaptive;

    /**
     * The first factor was proven: the next challenge, or tokens.
     *
     * @param deviceKey the DEVICE_KEY the client sent, if any
     */
    AuthStep afterFirstFactor(UserPool pool, UserPoolClient client, UserRecord user, Optional<String> deviceKey) {
        return afterFirstFactor(pool, client, user, deviceKey, TokenGeneration.AUTHENTICATION);
    }

    /**
     * The first factor was proven: the next challenge, or tokens made for {@code generation} (the source and the
     * ClientMetadata the triggers are told).
     */
    AuthStep afterFirstFactor(UserPool pool, UserPoolClient client, UserRecord user, Optional<String> deviceKey,
                              TokenGeneration generation) {
        return afterFirstFactor(pool, client, user, deviceKey, generation, false);
    }

    /**
     * The password was proven, and found among breached ones or not (where the pool lets such a password through,
     * the sign-in's auth event says so): the next challenge, or tokens.
     */
    AuthStep afterFirstFactor(UserPool pool, UserPoolClient client, UserRecord user, Optional<String> deviceKey,
                              boolean compromisedCredentials) {
        return afterFirstFactor(pool, client, user, deviceKey, TokenGeneration.AUTHENTICATION,
                compromisedCredentials);
    }

    private AuthStep afterFirstFactor(UserPool pool, UserPoolClient client, UserRecord user,
                                      Optional<String> deviceKey, TokenGeneration generation,
                                      boolean compromisedCredentials) {
        Optional<Device> device = deviceKey.flatMap(key -> devices.find(pool.id(), user.sub(), key))
                .filter(Device::confirmed);
        RiskDecision risk = adaptive.assess(pool, client, user, device.isPresent(), compromisedCredentials);
        if (user.status() == UserStatus.FORCE_CHANGE_PASSWORD) {
            adaptive.record(pool, user, risk, false);
            return newPassword.challenge(pool, client, user);
        }
        if (device.filter(Device::remembered).isPresent() && !risk.wantsMfa()) {
            // A remembered device stands in for the second factor, as in Cognito, unless the sign-in's risk asks
            // for one: a stolen laptop is a remembered device.
            adaptive.record(pool, user, risk, false);
            return srp.deviceChallenge(pool, client, user);
        }
        Optional<AuthStep.Challenged> second = secondFactor(pool, client, user, device.isPresent(), risk);
        AuthStep step = second.<AuthStep>map(c -> c)
                .orElseGet(() -> tokens(pool, client, user, device.isPresent(), generation));
        adaptive.record(pool, user, risk, second.isPresent());
        return step;
    }

    /**
     * The second factor's challenge the pool and user call for, or else the one the sign-in's risk asks for.
     *
     * @throws ServiceException {@code NotAuthorizedException} when the risk requires a second factor
     *                          (MFA_REQUIRED) and the user has none and can be given none
     */
    Optional<AuthStep.Challenged> secondFactor(UserPool pool, UserPoolClient client, UserRecord user,
                                               boolean knownDevice, RiskDecision risk) {
        Optional<AuthStep.Challenged> challenge = mfa.challenge(pool, client, user, knownDevice);
        if (challenge.isPresent() || !risk.wantsMfa()) {
            return challenge;
        }
        challenge = mfa.forRisk(pool, client, user, knownDevice);
        if (challenge.isEmpty() && risk.mfaRequired()) {
            throw adaptive.refusedForNoSecondFactor(pool, user, risk);
        }
        return challenge;
    }

    /**
     * The password is settled (proven, or newly chosen): the second factor if the pool and user call for one, else
     * tokens.
     */
    AuthStep afterPassword(UserPool pool, UserPoolClient client, UserRecord user, boolean knownDevice) {
        return afterPassword(pool, client, user, knownDevice, TokenGeneration.AUTHENTICATION);
    }

    /** {@link #afterPassword(UserPool, UserPoolClient, UserRecord, boolean)}, tokens made for {@code generation}. */
    AuthStep afterPassword(UserPool pool, UserPoolClient client, UserRecord user, boolean knownDevice,
                           TokenGeneration generation) {
        return mfa.challenge(pool, client, user, knownDevice).<AuthStep>map(c -> c)
                .orElseGet(() -> tokens(pool, client, user, knownDevice, generation));
    }

    /**
     * The tokens of a finished sign-in, with a new device key when the pool remembers devices and the client did
     * not sign in from one it knows.
     */
    AuthStep tokens(UserPool pool, UserPoolClient client, UserRecord user, boolean knownDevice) {
        return tokens(pool, client, user, knownDevice, TokenGeneration.AUTHENTICATION);
    }

    /**
     * The tokens of a finished sign-in, as {@link #tokens(UserPool, UserPoolClient, UserRecord, boolean)}: first the
     * pool's PostAuthentication trigger (whose error ends the sign-in), then the tokens, which its pre token
     * generation trigger sees told {@code generation}.
     */
    AuthStep tokens(UserPool pool, UserPoolClient client, UserRecord user, boolean knownDevice,
                    TokenGeneration generation) {
        signInTriggers.postAuthentication(pool, client, user, knownDevice, generation.clientMetadata());
        TokenSet issued = tokens.issue(pool, client, user, generation);
        if (knownDevice || !Devices.tracked(pool)) {
            return new AuthStep.Authenticated(issued);
        }
        return new AuthStep.Authenticated(issued, devices.issue(pool, user.sub()));
    }

    /**
     * The client and its pool.
     *
     * @param expectedPoolId the pool an administrator named, or null
     * @throws ServiceException {@code ResourceNotFoundException} for an unknown client or one of another pool
     */
    ClientOfPool client(String clientId, String expectedPoolId) {
        ClientOfPool found = clients.byClientIdWithPool(clientId);
        if (expectedPoolId != null && !expectedPoolId.equals(found.pool().id())) {
            throw ServiceException.resourceNotFound("User pool client " + clientId + " does not exist.");
        }
        return found;
    }

    /**
     * The user a challenge's session was opened for, if the answer's USERNAME still names them and they may still
     * sign in. Clients send back the user name they were given; an alias or sign-in attribute is looked up.
     *
     * @throws ServiceException {@code NotAuthorizedException}, or the error of the account's state
     */
    UserRecord userOf(UserPool pool, String sub, String username) {
        UserStore store = stores.forPool(pool);
        UserRecord user = PoolUsers.capability(store, UserLookup.class).findBySub(sub)
                .filter(u -> u.username().equals(username)
                        || PoolUsers.find(pool, store, username).filter(n -> n.sub().equals(u.sub())).isPresent())
                .orElseThrow(() -> new ServiceException("NotAuthorizedException", "Incorrect username or password."));
        SignInService.checkMaySignIn(user);
        return user;
    }

    /**
     * A parameter the answer must have.
     *
     * @throws ServiceException {@code InvalidParameterException} when it is missing or empty
     */
    static String required(java.util.Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) {
            throw ServiceException.invalidParameter("Missing required parameter " + name);
        }
        return value;
    }

    /** How long a challenge's session lasts: the client's AuthSessionValidity, in minutes (three by default). */
    static Duration sessionValidity(UserPoolClient client) {
        return Duration.ofMinutes(client.settings().path("AuthSessionValidity").asInt(3));
    }
}
