package io.gatehouse.engine.users;

import io.gatehouse.api.trigger.ChallengeResult;
import io.gatehouse.api.trigger.CreateAuthChallengeEvent;
import io.gatehouse.api.trigger.CreateAuthChallengeResponse;
import io.gatehouse.api.trigger.DefineAuthChallengeEvent;
import io.gatehouse.api.trigger.DefineAuthChallengeResponse;
import io.gatehouse.api.trigger.TriggerContext;
import io.gatehouse.api.trigger.TriggerKind;
import io.gatehouse.api.trigger.VerifyAuthChallengeResponseEvent;
import io.gatehouse.api.trigger.VerifyAuthChallengeResponseResponse;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.api.userstore.UserStore;
import io.gatehouse.engine.auth.AuthSessions;
import io.gatehouse.engine.auth.AuthStep;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.security.DataKey;
import io.gatehouse.engine.security.SealedValueException;
import io.gatehouse.engine.trigger.ConfiguredTrigger;
import io.gatehouse.engine.trigger.Triggers;
import io.gatehouse.engine.trigger.calls.CreateAuthChallengeCall;
import io.gatehouse.engine.trigger.calls.DefineAuthChallengeCall;
import io.gatehouse.engine.trigger.calls.VerifyAuthChallengeResponseCall;
import io.gatehouse.engine.userpool.ClientOfPool;
import io.gatehouse.engine.userpool.SecretHash;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.engine.userpool.UserPoolClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Custom sign-ins (InitiateAuth / AdminInitiateAuth with {@code CUSTOM_AUTH}), run by the pool's challenge triggers
 * as Cognito runs them: before each step DefineAuthChallenge gets the steps so far and decides (tokens, failure, or
 * the next challenge); a {@code CUSTOM_CHALLENGE} is made by CreateAuthChallenge (its public parameters go to the
 * app, its private ones stay sealed in the session row) and its {@code ANSWER} checked by
 * VerifyAuthChallengeResponse ({@link CustomChallengeStep}). A client that sends {@code SRP_A} may be asked to prove
 * the password first: {@code CHALLENGE_NAME=SRP_A} records an {@code SRP_A} step before DefineAuthChallenge first
 * runs, and DefineAuthChallenge choosing {@code PASSWORD_VERIFIER} (or {@code SRP_A}) gets the usual SRP challenge,
 * whose answer ({@link SrpSignIn#respond}) comes back here as a {@code PASSWORD_VERIFIER} step, right or wrong.
 *
 * <p>Tokens: a custom sign-in that proved the password goes on to the second factor the pool and user call for, as
 * in Cognito (whose MFA hangs on PASSWORD_VERIFIER); a passwordless one gets tokens at once. A user who does not
 * exist, where the client prevents existence errors, runs through the triggers with {@code userNotFound} and can
 * never get tokens.
 *
 * <p>No transaction spans a step: the triggers are remote calls. Each challenge's session is spent when its answer
 * comes (one answer per session, a wrong one included); the next challenge opens a new one.
 */
@ApplicationScoped
public class CustomAuthFlow {

    static final String CUSTOM_CHALLENGE = "CUSTOM_CHALLENGE";
    static final String SRP_A = "SRP_A";
    /** The sub of a sign-in whose user does not exist: never a real sub, which is a UUID. */
    static final String NO_USER = "-";
    private static final String INCORRECT = "Incorrect username or password.";
    /** The session row's state column. */
    private static final int STATE_LIMIT = 4096;

    @Inject
    SignInChain chain;

    @Inject
    UserStores stores;

    @Inject
    Triggers triggers;

    @Inject
    AuthSessions sessions;

    @Inject
    DataKey dataKey;

    @Inject
    SrpSignIn srp;

    @Inject
    SignInTriggers signInTriggers;

    /** Steps (answered challenges, SRP_A included) after which a custom sign-in fails, whatever its triggers say. */
    @Inject
    @ConfigProperty(name = "gatehouse.custom-auth.max-steps", defaultValue = "10")
    int maxSteps;

    /** One step's call: the pool and client, and the ClientMetadata the challenge triggers get. */
    private record Call(UserPool pool, UserPoolClient client, Map<String, String> clientMetadata) {
    }

    /**
     * InitiateAuth / AdminInitiateAuth with CUSTOM_AUTH: USERNAME, and SRP_A (with CHALLENGE_NAME=SRP_A) to offer a
     * password proof. InitiateAuth's ClientMetadata is not the challenge triggers' (Cognito gives it to PreSignUp,
     * PreAuthentication and UserMigration only).
     *
     * @throws ServiceException {@code InvalidParameterException} when the client does not allow the flow or the pool
     *                          has no DefineAuthChallenge; {@code UserNotFoundException} where existence errors are
     *                          not prevented; the account state's error; a trigger's error
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public AuthStep initiate(String clientId, String expectedPoolId, Map<String, String> parameters) {
        return initiate(clientId, expectedPoolId, parameters, Map.of());
    }

    /**
     * {@link #initiate(String, String, Map)} with InitiateAuth's ClientMetadata, which the PreAuthentication trigger
     * gets as its {@code validationData}: a custom sign-in is a sign-in attempt too, and the trigger may refuse it
     * before the first DefineAuthChallenge.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public AuthStep initiate(String clientId, String expectedPoolId, Map<String, String> parameters,
                             Map<String, String> validationData) {
        ClientOfPool app = chain.client(clientId, expectedPoolId);
        UserPoolClient client = app.client();
        SignInService.allowFlow(client, "CUSTOM_AUTH");
        String username = SignInChain.required(parameters, "USERNAME");
        SecretHash.check(client, username, parameters.get("SECRET_HASH"));
        UserPool pool = app.pool();
        trigger(pool, TriggerKind.DEFINE_AUTH_CHALLENGE);
        String first = parameters.get("CHALLENGE_NAME");
        if (first != null && !SRP_A.equals(first)) {
            throw ServiceException.invalidParameter("CHALLENGE_NAME must be SRP_A.");
        }
        Optional<String> srpA = Optional.ofNullable(parameters.get("SRP_A")).filter(a -> !a.isEmpty());
        if (first != null && srpA.isEmpty()) {
            throw ServiceException.invalidParameter("Missing required parameter SRP_A");
        }
        UserStore store = stores.forPool(pool);
        Optional<UserRecord> found = PoolUsers.find(pool, store, username);
        if (found.isEmpty() && !ExistenceErrors.prevented(client)) {
            throw new ServiceException("UserNotFoundException", "User does not exist.");
        }
        found.ifPresent(SignInService::checkMaySignIn);
        signInTriggers.preAuthentication(pool, client, username, found, validationData);
        List<ChallengeResult> begun = first == null ? List.of()
                : List.of(new ChallengeResult(SRP_A, true, Optional.empty()));
        CustomAuthState state = CustomAuthState.start(found.map(UserRecord::sub).orElse(NO_USER),
                found.map(UserRecord::username).orElse(username), begun);
        return next(new Call(pool, client, Map.of()), found, state, srpA);
    }

    /**
     * RespondToAuthChallenge with CUSTOM_CHALLENGE: VerifyAuthChallengeResponse checks the ANSWER against the
     * private parameters, and DefineAuthChallenge decides what comes next, right answer or wrong.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public AuthStep answer(ChallengeAnswer answer) {
        ClientOfPool app = chain.client(answer.clientId(), answer.expectedPoolId());
        UserPoolClient client = app.client();
        UserPool pool = app.pool();
        Map<String, String> responses = answer.responses();
        String username = SignInChain.required(responses, "USERNAME");
        String given = SignInChain.required(responses, "ANSWER");
        SecretHash.check(client, username, responses.get("SECRET_HASH"));
        AuthSessions.Pending pending = sessions.spend(answer.session(), client.clientId(), CUSTOM_CHALLENGE);
        CustomAuthState state = open(pool, client, pending.state());
        Optional<UserRecord> user = named(pool, state, username);
        Call call = new Call(pool, client, answer.clientMetadata());
        ConfiguredTrigger verify = trigger(pool, TriggerKind.VERIFY_AUTH_CHALLENGE_RESPONSE);
        boolean correct = triggers.run(pool, verify, VerifyAuthChallengeResponseCall.INSTANCE,
                new VerifyAuthChallengeResponseEvent(context(call, verify,
                        "VerifyAuthChallengeResponse_Authentication", state), attributes(user),
                        state.privateParameters(), given, call.clientMetadata(), state.userNotFound()))
                .map(VerifyAuthChallengeResponseResponse::answerCorrect).orElse(false);
        return next(call, user, state.then(new ChallengeResult(CUSTOM_CHALLENGE, correct,
                state.challengeMetadata())), Optional.empty());
    }

    /**
     * A PASSWORD_VERIFIER inside a custom sign-in was answered ({@link SrpSignIn#respond}): its outcome becomes a
     * step, and DefineAuthChallenge decides.
     *
     * @param sealedState the state the verifier's session carried
     * @param proven      whether the password proof checked out
     */
    AuthStep afterPasswordVerifier(UserPool pool, UserPoolClient client, String sealedState, boolean proven,
                                   String username, Map<String, String> clientMetadata) {
        CustomAuthState state = open(pool, client, sealedState);
        Optional<UserRecord> user = named(pool, state, username);
        return next(new Call(pool, client, clientMetadata), user, state.then(new ChallengeResult(
                SrpSignIn.PASSWORD_VERIFIER, proven, Optional.empty())), Optional.empty());
    }

    /**
     * DefineAuthChallenge's decision on the steps so far, carried out.
     *
     * @param srpA the SRP_A of this call, if it had one: only then can DefineAuthChallenge ask for the password
     */
    private AuthStep next(Call call, Optional<UserRecord> user, CustomAuthState state, Optional<String> srpA) {
        if (state.session().size() > maxSteps) {
            throw new ServiceException("NotAuthorizedException", INCORRECT);
        }
        ConfiguredTrigger define = trigger(call.pool(), TriggerKind.DEFINE_AUTH_CHALLENGE);
        DefineAuthChallengeResponse decided = triggers.run(call.pool(), define, DefineAuthChallengeCall.INSTANCE,
                new DefineAuthChallengeEvent(context(call, define, "DefineAuthChallenge_Authentication", state),
                        attributes(user), state.session(), call.clientMetadata(), state.userNotFound()))
                .orElseThrow(() -> unusable("DefineAuthChallenge", "no response"));
        if (decided.failAuthentication()) {
            throw new ServiceException("NotAuthorizedException", INCORRECT);
        }
        if (decided.issueTokens()) {
            UserRecord signedIn = user.orElseThrow(() -> new ServiceException("NotAuthorizedException", INCORRECT));
            return state.passed(SrpSignIn.PASSWORD_VERIFIER)
                    ? chain.afterPassword(call.pool(), call.client(), signedIn, false)
                    : chain.tokens(call.pool(), call.client(), signedIn, false);
        }
        String challenge = decided.challengeName().orElseThrow(() -> unusable("DefineAuthChallenge",
                "neither issueTokens, failAuthentication nor a challengeName"));
        if (CUSTOM_CHALLENGE.equals(challenge)) {
            return customChallenge(call, user, state);
        }
        boolean passwordStep = SRP_A.equals(challenge) || SrpSignIn.PASSWORD_VERIFIER.equals(challenge);
        if (passwordStep && srpA.isPresent() && !state.has(SrpSignIn.PASSWORD_VERIFIER)) {
            return srp.customPasswordVerifier(call.pool(), call.client(), state.username(), user, srpA.get(),
                    seal(call, state));
        }
        throw unusable("DefineAuthChallenge", passwordStep
                ? "challengeName " + challenge + " needs the SRP_A of InitiateAuth"
                : "challengeName " + challenge + " is not a custom sign-in's challenge");
    }

    /** CreateAuthChallenge makes the challenge; its private side is sealed into the new session. */
    private AuthStep.Challenged customChallenge(Call call, Optional<UserRecord> user, CustomAuthState state) {
        ConfiguredTrigger create = trigger(call.pool(), TriggerKind.CREATE_AUTH_CHALLENGE);
        CreateAuthChallengeResponse created = triggers.run(call.pool(), create, CreateAuthChallengeCall.INSTANCE,
                new CreateAuthChallengeEvent(context(call, create, "CreateAuthChallenge_Authentication", state),
                        attributes(user), CUSTOM_CHALLENGE, state.session(), call.clientMetadata(),
                        state.userNotFound()))
                .orElseThrow(() -> unusable("CreateAuthChallenge", "no response"));
        String session = sessions.open(call.pool().id(), call.client().clientId(), state.sub(), CUSTOM_CHALLENGE,
                SignInChain.sessionValidity(call.client()), seal(call, state.awaiting(
                        created.privateChallengeParameters(), created.challengeMetadata())));
        Map<String, String> parameters = new HashMap<>(created.publicChallengeParameters());
        parameters.put("USERNAME", state.username());
        return new AuthStep.Challenged(CUSTOM_CHALLENGE, session, parameters);
    }

    /**
     * The trigger the custom flow needs.
     *
     * @throws ServiceException {@code InvalidParameterException}, Cognito's answer, when the pool has none
     */
    private ConfiguredTrigger trigger(UserPool pool, TriggerKind kind) {
        return triggers.configured(pool, kind).orElseThrow(() -> ServiceException.invalidParameter(
                "Custom auth lambda trigger is not configured for the user pool."));
    }

    private TriggerContext context(Call call, ConfiguredTrigger trigger, String source, CustomAuthState state) {
        return triggers.context(call.pool(), trigger, source, state.username(),
                Optional.of(call.client().clientId()));
    }

    /**
     * The session's user, if the answer's USERNAME still names them; empty for a user who does not exist.
     *
     * @throws ServiceException {@code NotAuthorizedException}, or the account state's error
     */
    private Optional<UserRecord> named(UserPool pool, CustomAuthState state, String username) {
        if (state.userNotFound()) {
            if (!state.username().equals(username)) {
                throw new ServiceException("NotAuthorizedException", INCORRECT);
            }
            return Optional.empty();
        }
        return Optional.of(chain.userOf(pool, state.sub(), username));
    }

    /** The user's attributes as the triggers get them: with {@code sub} and {@code cognito:user_status}. */
    static Map<String, String> attributes(Optional<UserRecord> user) {
        if (user.isEmpty()) {
            return Map.of();
        }
        Map<String, String> attributes = new HashMap<>(user.get().attributes());
        attributes.put("sub", user.get().sub());
        attributes.put("cognito:user_status", user.get().status().name());
        return attributes;
    }

    /**
     * The state sealed for the session row: the private parameters are a challenge's answer.
     *
     * @throws ServiceException {@code InvalidLambdaResponseException} when the triggers' parameters and metadata
     *                          are too large to keep
     */
    private String seal(Call call, CustomAuthState state) {
        String sealed = dataKey.sealText(state.toJson(), sealContext(call.pool(), call.client()));
        if (sealed.length() > STATE_LIMIT) {
            throw unusable("CreateAuthChallenge", "the challenge's parameters and the session's metadata are "
                    + "too large");
        }
        return sealed;
    }

    private CustomAuthState open(UserPool pool, UserPoolClient client, String sealed) {
        try {
            return CustomAuthState.parse(dataKey.openText(sealed, sealContext(pool, client)));
        } catch (SealedValueException | IllegalArgumentException | NullPointerException e) {
            throw new ServiceException("NotAuthorizedException", "Invalid session for the user, session is expired.");
        }
    }

    private static String sealContext(UserPool pool, UserPoolClient client) {
        return "custom auth state\u0000" + pool.id() + "\u0000" + client.clientId();
    }

    private static ServiceException unusable(String trigger, String why) {
        return new ServiceException("InvalidLambdaResponseException", "Unrecognizable lambda output for " + trigger
                + ": " + why + ".");
    }
}
