package io.gatehouse.engine.users;

import io.gatehouse.api.userstore.UserLookup;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.api.userstore.UserStore;
import io.gatehouse.engine.auth.AuthSessions;
import io.gatehouse.engine.auth.AuthStep;
import io.gatehouse.engine.devices.Device;
import io.gatehouse.engine.devices.Devices;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.security.DataKey;
import io.gatehouse.engine.srp.SrpCredentials;
import io.gatehouse.engine.srp.SrpExchange;
import io.gatehouse.engine.srp.SrpGroup;
import io.gatehouse.engine.srp.SrpTimestamp;
import io.gatehouse.engine.srp.SrpVerifier;
import io.gatehouse.engine.threat.lockout.SignInLocks;
import io.gatehouse.engine.token.TokenGeneration;
import io.gatehouse.engine.userpool.ClientOfPool;
import io.gatehouse.engine.userpool.SecretHash;
import io.gatehouse.engine.threat.adaptive.AdaptiveAuthentication;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.engine.userpool.UserPoolClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The SRP steps of a sign-in, as Cognito's JavaScript libraries and SDK helpers run them: USER_SRP_AUTH answered
 * by PASSWORD_VERIFIER (the user proves the password, which never travels), and for a remembered device
 * DEVICE_SRP_AUTH answered by DEVICE_PASSWORD_VERIFIER (the device proves the random password it keeps).
 *
 * <p>The server's secret b travels to the client and back inside SECRET_BLOCK, sealed with the data key and bound to
 * the pool and client; a session row makes each block good for one answer within the client's
 * AuthSessionValidity. A user who does not exist, or has no verifier, gets a challenge that looks the same (a
 * stable salt, a random verifier) and fails at the answer with the same error as a wrong password.
 */
@ApplicationScoped
public class SrpSignIn {

    static final String PASSWORD_VERIFIER = "PASSWORD_VERIFIER";
    static final String DEVICE_SRP_AUTH = "DEVICE_SRP_AUTH";
    static final String DEVICE_PASSWORD_VERIFIER = "DEVICE_PASSWORD_VERIFIER";
    private static final String INCORRECT = "Incorrect username or password.";
    /** The session's sub when there is no user to sign in: never a real sub, which is a UUID. */
    private static final String NO_USER = "-";

    @Inject
    SignInChain chain;

    @Inject
    UserStores stores;

    @Inject
    SrpCredentials credentials;

    @Inject
    AuthSessions sessions;

    @Inject
    DataKey dataKey;

    @Inject
    Devices devices;

    @Inject
    CustomAuthFlow customAuth;

    @Inject
    SignInTriggers signInTriggers;

    @Inject
    SignInLocks locks;

    @Inject
    AdaptiveAuthentication adaptive;

    /** What SECRET_BLOCK carries: the session it belongs to, whose proof it awaits, and the exchange's numbers. */
    private record SecretBlock(String session, String userId, SrpExchange exchange) {

        byte[] toBytes() {
            byte[] id = session.getBytes(StandardCharsets.US_ASCII);
            byte[] user = userId.getBytes(StandardCharsets.UTF_8);
            byte[] numbers = exchange.toBytes();
            return ByteBuffer.allocate(4 + id.length + user.length + numbers.length).putShort((short) id.length)
                    .put(id).putShort((short) user.length).put(user).put(numbers).array();
        }

        static SecretBlock fromBytes(byte[] bytes) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            byte[] id = new byte[buffer.getShort()];
            buffer.get(id);
            byte[] user = new byte[buffer.getShort()];
            buffer.get(user);
            return new SecretBlock(new String(id, StandardCharsets.US_ASCII), new String(user, StandardCharsets.UTF_8),
                    SrpExchange.fromBytes(buffer));
        }
    }

    /**
     * Who proves what in a verifier step: SRP's pool name and user id, the verifier to check against, and the user
     * to sign in once the proof checks out (empty for a decoy or a device).
     */
    private record Prover(String poolName, String userId, SrpVerifier verifier, Optional<UserRecord> user) {
    }

    /**
     * A verifier step's proof, checked: the session's user, the prover's user, what the session carried (a custom
     * sign-in's state, or null), and whether the proof checked out.
     */
    private record Proven(String sub, Optional<UserRecord> user, String state, boolean valid) {
    }

    /** InitiateAuth / AdminInitiateAuth with USER_SRP_AUTH: answers the PASSWORD_VERIFIER challenge. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public AuthStep initiate(String clientId, String expectedPoolId, Map<String, String> parameters) {
        return initiate(clientId, expectedPoolId, parameters, Map.of());
    }

    /**
     * {@link #initiate(String, String, Map)} with InitiateAuth's ClientMetadata, the PreAuthentication trigger's
     * validationData: the trigger sees the sign-in here, before the proof. An unknown name is not given to the
     * UserMigration trigger, which never sees SRP sign-ins (it needs the password), as in Cognito.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public AuthStep initiate(String clientId, String expectedPoolId, Map<String, String> parameters,
                             Map<String, String> validationData) {
        ClientOfPool app = chain.client(clientId, expectedPoolId);
        UserPoolClient client = app.client();
        SignInService.allowFlow(client, "USER_SRP_AUTH");
        String username = SignInChain.required(parameters, "USERNAME");
        BigInteger clientPublic = clientPublic(SignInChain.required(parameters, "SRP_A"));
        SecretHash.check(client, username, parameters.get("SECRET_HASH"));
        UserPool pool = app.pool();
        if (!SrpCredentials.enabled(pool)) {
            throw ServiceException.invalidParameter("USER_SRP_AUTH is turned off for this user pool.");
        }
        UserStore store = stores.forPool(pool);
        Optional<UserRecord> found = PoolUsers.find(pool, store, username);
        if (found.isEmpty() && !ExistenceErrors.prevented(client)) {
            throw new ServiceException("UserNotFoundException", "User does not exist.");
        }
        signInTriggers.preAuthentication(pool, client, username, found, validationData);
        return passwordVerifier(pool, client, username, found, clientPublic, null);
    }

    /**
     * The PASSWORD_VERIFIER challenge of a custom sign-in (CUSTOM_AUTH with SRP_A) whose DefineAuthChallenge asked
     * for the password: as USER_SRP_AUTH's, with its session carrying the custom sign-in's state, so that the answer
     * goes back to {@link CustomAuthFlow}.
     *
     * @param found      the user, or empty for one who does not exist (a decoy challenge)
     * @param flowState  the custom sign-in's sealed state
     */
    AuthStep customPasswordVerifier(UserPool pool, UserPoolClient client, String username, Optional<UserRecord> found,
                                    String srpA, String flowState) {
        if (!SrpCredentials.enabled(pool)) {
            throw ServiceException.invalidParameter("USER_SRP_AUTH is turned off for this user pool.");
        }
        return passwordVerifier(pool, client, username, found, clientPublic(srpA), flowState);
    }

    private AuthStep passwordVerifier(UserPool pool, UserPoolClient client, String username,
                                      Optional<UserRecord> found, BigInteger clientPublic, String state) {
        UserStore store = stores.forPool(pool);
        Optional<SrpVerifier> verifier = found.flatMap(user -> credentials.verifier(pool, store, user));
        String userId = found.map(UserRecord::username).orElseGet(() -> credentials.decoyUserId(pool, username));
        return challenge(pool, client, PASSWORD_VERIFIER, verifier.isPresent() ? found.get().sub() : NO_USER,
                new Prover(SrpCredentials.poolName(pool.id()), userId,
                        verifier.orElseGet(() -> credentials.decoy(pool, username)), Optional.empty()),
                clientPublic, Map.of("USERNAME", userId, "USER_ID_FOR_SRP", userId), state);
    }

    /** RespondToAuthChallenge with PASSWORD_VERIFIER, without ClientMetadata. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public AuthStep respond(String clientId, String expectedPoolId, Map<String, String> responses) {
        return respond(clientId, expectedPoolId, responses, Map.of());
    }

    /**
     * RespondToAuthChallenge with PASSWORD_VERIFIER: checks the user's proof. The secret block is spent whatever the
     * outcome, so each challenge allows one guess. Inside a custom sign-in the outcome, right or wrong, goes to its
     * DefineAuthChallenge ({@link CustomAuthFlow}).
     *
     * @param clientMetadata the answer's ClientMetadata, for the triggers (a custom sign-in's, PostAuthentication's
     *                       and pre token generation's)
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public AuthStep respond(String clientId, String expectedPoolId, Map<String, String> responses,
                            Map<String, String> clientMetadata) {
        ClientOfPool app = chain.client(clientId, expectedPoolId);
        UserPoolClient client = app.client();
        UserPool pool = app.pool();
        String username = SignInChain.required(responses, "USERNAME");
        SecretHash.check(client, username, responses.get("SECRET_HASH"));
        UserStore store = stores.forPool(pool);
        Proven proven = proven(pool, client, PASSWORD_VERIFIER, responses, (sub, userId) -> {
            Optional<UserRecord> user = NO_USER.equals(sub) ? Optional.empty() : named(pool, store, sub, username);
            // A decoy costs the same exponentiations as a real check, so the answer takes as long.
            return new Prover(SrpCredentials.poolName(pool.id()), userId,
                    user.flatMap(u -> credentials.verifier(pool, store, u))
                            .orElseGet(() -> credentials.decoy(pool, username)), user);
        });
        // The proof counts against the user's lock as a password does; a locked user is refused, right or wrong.
        try (SignInLocks.Attempt attempt = locks.begin(pool.id(), NO_USER.equals(proven.sub())
                ? SignInLocks.name(pool.id(), PoolUsers.lookupName(pool, username))
                : SignInLocks.user(pool.id(), proven.sub()))) {
            if (proven.valid()) {
                locks.succeeded(attempt);
            } else {
                locks.failed(attempt);
            }
        }
        if (proven.state() != null) {
            return customAuth.afterPasswordVerifier(pool, client, proven.state(), proven.valid(), username,
                    clientMetadata);
        }
        if (!proven.valid()) {
            proven.user().ifPresent(u -> adaptive.failedPassword(pool, client, u));
        }
        UserRecord user = proven.user().filter(u -> proven.valid())
                .orElseThrow(() -> new ServiceException("NotAuthorizedException", INCORRECT));
        SignInService.checkMaySignIn(user);
        return chain.afterFirstFactor(pool, client, user, Optional.ofNullable(responses.get("DEVICE_KEY")),
                TokenGeneration.AUTHENTICATION.withClientMetadata(clientMetadata));
    }

    /** After the user's proof, a remembered device proves itself: the DEVICE_SRP_AUTH challenge. */
    @Transactional(Transactional.TxType.REQUIRED)
    public AuthStep deviceChallenge(UserPool pool, UserPoolClient client, UserRecord user) {
        String session = sessions.open(pool.id(), client.clientId(), user.sub(), DEVICE_SRP_AUTH,
                SignInChain.sessionValidity(client));
        return new AuthStep.Challenged(DEVICE_SRP_AUTH, session, Map.of("USERNAME", user.username()));
    }

    /** RespondToAuthChallenge with DEVICE_SRP_AUTH (DEVICE_KEY and its SRP_A): the DEVICE_PASSWORD_VERIFIER challenge. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public AuthStep respondDevice(String clientId, String expectedPoolId, String session,
                                  Map<String, String> responses) {
        ClientOfPool app = chain.client(clientId, expectedPoolId);
        UserPoolClient client = app.client();
        UserPool pool = app.pool();
        String username = SignInChain.required(responses, "USERNAME");
        String deviceKey = SignInChain.required(responses, "DEVICE_KEY");
        BigInteger clientPublic = clientPublic(SignInChain.required(responses, "SRP_A"));
        SecretHash.check(client, username, responses.get("SECRET_HASH"));
        AuthSessions.Pending pending = sessions.spend(session, client.clientId(), DEVICE_SRP_AUTH);
        Device device = devices.find(pool.id(), pending.sub(), deviceKey).filter(Device::remembered)
                .orElseThrow(() -> new ServiceException("NotAuthorizedException", "Device does not exist."));
        return challenge(pool, client, DEVICE_PASSWORD_VERIFIER, pending.sub(),
                new Prover(device.deviceGroupKey(), deviceKey, device.srpVerifier().orElseThrow(), Optional.empty()),
                clientPublic, Map.of("USERNAME", username, "DEVICE_KEY", deviceKey), null);
    }

    /** RespondToAuthChallenge with DEVICE_PASSWORD_VERIFIER: checks the device's proof, then signs the user in. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public AuthStep respondDeviceVerifier(String clientId, String expectedPoolId, Map<String, String> responses) {
        return respondDeviceVerifier(clientId, expectedPoolId, responses, Map.of());
    }

    /** {@link #respondDeviceVerifier(String, String, Map)} with RespondToAuthChallenge's ClientMetadata. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public AuthStep respondDeviceVerifier(String clientId, String expectedPoolId, Map<String, String> responses,
                                          Map<String, String> clientMetadata) {
        ClientOfPool app = chain.client(clientId, expectedPoolId);
        UserPoolClient client = app.client();
        UserPool pool = app.pool();
        String username = SignInChain.required(responses, "USERNAME");
        String deviceKey = SignInChain.required(responses, "DEVICE_KEY");
        SecretHash.check(client, username, responses.get("SECRET_HASH"));
        Proven proven = proven(pool, client, DEVICE_PASSWORD_VERIFIER, responses, (sub, userId) -> {
            Device device = devices.find(pool.id(), sub, userId).filter(d -> d.remembered() && userId.equals(deviceKey))
                    .orElseThrow(() -> new ServiceException("NotAuthorizedException", "Device does not exist."));
            return new Prover(device.deviceGroupKey(), device.deviceKey(), device.srpVerifier().orElseThrow(),
                    Optional.empty());
        });
        if (!proven.valid()) {
            throw new ServiceException("NotAuthorizedException", INCORRECT);
        }
        UserRecord user = chain.userOf(pool, proven.sub(), username);
        devices.authenticated(deviceKey);
        return chain.tokens(pool, client, user, true,
                TokenGeneration.AUTHENTICATE_DEVICE.withClientMetadata(clientMetadata));
    }

    /**
     * Opens the session, starts the exchange and seals it into SECRET_BLOCK: a verifier challenge.
     *
     * @param state what the session carries to the answer (a custom sign-in's state), or null
     */
    private AuthStep.Challenged challenge(UserPool pool, UserPoolClient client, String challenge, String sub,
                                          Prover prover, BigInteger clientPublic, Map<String, String> more,
                                          String state) {
        SrpExchange exchange;
        try {
            exchange = SrpExchange.begin(clientPublic, prover.verifier().v());
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalidParameter("SRP_A is not a valid SRP value.");
        }
        String session = sessions.open(pool.id(), client.clientId(), sub, challenge,
                SignInChain.sessionValidity(client), state);
        byte[] block = dataKey.seal(new SecretBlock(session, prover.userId(), exchange).toBytes(),
                blockContext(pool, client, challenge));
        Map<String, String> parameters = new HashMap<>(more);
        parameters.put("SALT", SrpGroup.hex(prover.verifier().salt()));
        parameters.put("SRP_B", SrpGroup.hex(exchange.serverPublic()));
        // Standard base64 with padding: pycognito decodes it strictly.
        parameters.put("SECRET_BLOCK", Base64.getEncoder().encodeToString(block));
        return new AuthStep.Challenged(challenge, session, parameters);
    }

    /** Who must prove what, given the session's sub and the block's subject. */
    private interface ProverLookup {
        Prover of(String sub, String userId);
    }

    /**
     * Checks the answer to a verifier challenge: opens the block, spends its session, recomputes the shared key and
     * checks PASSWORD_CLAIM_SIGNATURE. A wrong proof is {@link Proven#valid() not valid}; the caller refuses it (or,
     * in a custom sign-in, reports it).
     *
     * @throws ServiceException {@code NotAuthorizedException} for a bad block or a spent session
     */
    private Proven proven(UserPool pool, UserPoolClient client, String challenge, Map<String, String> responses,
                          ProverLookup lookup) {
        String blockText = SignInChain.required(responses, "PASSWORD_CLAIM_SECRET_BLOCK");
        String signature = SignInChain.required(responses, "PASSWORD_CLAIM_SIGNATURE");
        String timestamp = SignInChain.required(responses, "TIMESTAMP");
        if (SrpTimestamp.parse(timestamp).isEmpty()) {
            throw ServiceException.invalidParameter("TIMESTAMP must look like 'Tue Mar 5 09:03:07 UTC 2024'.");
        }
        byte[] block;
        SecretBlock state;
        try {
            block = Base64.getDecoder().decode(blockText);
            state = dataKey.open(block, blockContext(pool, client, challenge)).map(SecretBlock::fromBytes)
                    .orElseThrow(SrpSignIn::expired);
        } catch (IllegalArgumentException | BufferUnderflowException e) {
            throw expired();
        }
        AuthSessions.Pending pending = sessions.spend(state.session(), client.clientId(), challenge);
        Prover prover = lookup.of(pending.sub(), state.userId());
        Optional<byte[]> key = state.exchange().sharedKey(prover.verifier().v());
        boolean valid = !NO_USER.equals(pending.sub()) && key.isPresent() && SrpExchange.proofMatches(key.get(),
                prover.poolName(), prover.userId(), block, timestamp, signature);
        return new Proven(pending.sub(), prover.user(), pending.state(), valid);
    }

    /**
     * The session's user, if the answer's USERNAME still names them. Clients send back the USER_ID_FOR_SRP they were
     * given, the user name itself, which spares the second lookup; an alias or sign-in attribute is looked up.
     */
    private static Optional<UserRecord> named(UserPool pool, UserStore store, String sub, String username) {
        return PoolUsers.capability(store, UserLookup.class).findBySub(sub)
                .filter(user -> user.username().equals(username)
                        || PoolUsers.find(pool, store, username).filter(n -> n.sub().equals(sub)).isPresent());
    }

    private static BigInteger clientPublic(String srpA) {
        try {
            return SrpGroup.parseHex(srpA);
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalidParameter("SRP_A must be a hexadecimal number.");
        }
    }

    private static String blockContext(UserPool pool, UserPoolClient client, String challenge) {
        return "srp secret block\u0000" + challenge + "\u0000" + pool.id() + "\u0000" + client.clientId();
    }

    private static ServiceException expired() {
        return new ServiceException("NotAuthorizedException", "Invalid session for the user, session is expired.");
    }
}
