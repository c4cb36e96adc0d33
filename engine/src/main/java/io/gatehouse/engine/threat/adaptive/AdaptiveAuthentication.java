package io.gatehouse.engine.threat.adaptive;

import com.fasterxml.jackson.databind.node.MissingNode;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.threat.ClientOrigin;
import io.gatehouse.engine.threat.ClientOrigins;
import io.gatehouse.engine.threat.risk.AccountTakeoverAction;
import io.gatehouse.engine.threat.risk.AccountTakeoverPolicy;
import io.gatehouse.engine.threat.risk.EffectiveRisk;
import io.gatehouse.engine.threat.risk.RiskConfigurations;
import io.gatehouse.engine.threat.risk.RiskExceptions;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.engine.userpool.UserPoolClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Adaptive authentication: a sign-in whose password was right is scored ({@link RiskScoring}) against the user's
 * history and its address's recent failures, and the pool's account-takeover policy says what to do at its level
 * (let it through, ask for a second factor, refuse it); a blocked address range refuses it whatever its level, a
 * skipped one lets it through, and a pool in AUDIT mode only records. Every attempt of a known user, wrong passwords
 * included, is one auth event, written with a single insert after the password's hashing is over.
 *
 * <p>The origin compared is the request's ({@link ClientOrigins}), or the end user's as AdminInitiateAuth's
 * {@code ContextData} reports it, or InitiateAuth's {@code UserContextData.IpAddress} for a client with
 * {@code EnablePropagateAdditionalUserContextData}. {@code EncodedData}, Amazon's opaque device fingerprint, cannot
 * be read outside Amazon and is ignored.
 */
@ApplicationScoped
public class AdaptiveAuthentication {

    /** Cognito's answer to a sign-in refused for its risk. */
    static final String BLOCKED = "Unable to login because of security reasons.";

    /** The longest an MFA challenge's session lasts (AuthSessionValidity's maximum): how late an answer counts. */
    private static final Duration LONGEST_CHALLENGE = Duration.ofMinutes(15);

    /**
     * The signal that marks a sign-in whose password was found among breached ones: Cognito's
     * {@code CompromisedCredentialsDetected} of its event. Not a risk signal: it weighs nothing.
     */
    public static final String COMPROMISED = "CompromisedCredentials";

    @Inject
    RiskConfigurations configurations;

    @Inject
    AuthEvents events;

    @Inject
    ClientOrigins origins;

    @Inject
    RiskNotices notices;

    @Inject
    Clock clock;

    /**
     * Assesses a sign-in whose first factor was proven. A sign-in to refuse is recorded here, and its error thrown.
     *
     * @param knownDevice whether it came from a device the user confirmed
     * @throws ServiceException {@code NotAuthorizedException} when the address is in a blocked range or the policy
     *                          blocks the level
     */
    public RiskDecision assess(UserPool pool, UserPoolClient client, UserRecord user, boolean knownDevice) {
        return assess(pool, client, user, knownDevice, false);
    }

    /**
     * {@link #assess(UserPool, UserPoolClient, UserRecord, boolean)} for a sign-in whose password was found among
     * breached ones and let through (the pool's NO_ACTION or AUDIT): its event says so ({@link #COMPROMISED}), as
     * Cognito's {@code CompromisedCredentialsDetected}. The finding does not change the level.
     */
    public RiskDecision assess(UserPool pool, UserPoolClient client, UserRecord user, boolean knownDevice,
                               boolean compromisedCredentials) {
        EffectiveRisk risk = configurations.effective(pool, client.clientId());
        if (!risk.mode().evaluates()) {
            return RiskDecision.NONE;
        }
        SignInAttempt attempt = attempt(client, knownDevice);
        RiskScoring.Score score = RiskScoring.score(attempt, events.history(pool.id(), user.sub(), attempt.address()));
        AccountTakeoverPolicy policy = risk.accountTakeoverPolicy();
        List<String> signals = new ArrayList<>(score.signals());
        if (compromisedCredentials) {
            signals.add(COMPROMISED);
        }
        AccountTakeoverAction action = policy.action(score.level());
        RiskExceptions exceptions = risk.exceptions();
        if (exceptions.blocks(attempt.address())) {
            signals.add("BlockedRange");
            action = AccountTakeoverAction.BLOCK;
        } else if (exceptions.skips(attempt.address())) {
            signals.add("SkippedRange");
            action = AccountTakeoverAction.NO_ACTION;
        }
        if (!risk.mode().acts()) {
            signals.add("Audit");
            action = AccountTakeoverAction.NO_ACTION;
        }
        RiskDecision assessed = RiskDecision.of(pool, user, attempt, score.level(), signals, action,
                risk.mode().acts() && policy.notifies(score.level()), policy.mails());
        if (action == AccountTakeoverAction.BLOCK) {
            throw refused(pool, user, assessed);
        }
        return assessed;
    }

    /**
     * Records a sign-in adaptive authentication let through.
     *
     * @param challenged whether it must still pass a second factor (the event is in progress until then)
     */
    public void record(UserPool pool, UserRecord user, RiskDecision decision, boolean challenged) {
        if (!decision.recorded()) {
            return;
        }
        String id = store(decision, challenged ? AuthEvent.IN_PROGRESS : AuthEvent.PASS,
                ChallengeResults.PASSWORD + ":" + ChallengeResults.SUCCESS);
        if (decision.notifies()) {
            notices.send(pool, user, decision, id);
        }
    }

    /**
     * A sign-in whose risk requires a second factor (MFA_REQUIRED) from a user who has none and can be given none:
     * recorded as refused, with the error to throw.
     */
    public ServiceException refusedForNoSecondFactor(UserPool pool, UserRecord user, RiskDecision decision) {
        return refused(pool, user, decision.blocked("NoSecondFactor"));
    }

    /** A wrong password for a known user: an event that fails, which also counts against its address. */
    public void failedPassword(UserPool pool, UserPoolClient client, UserRecord user) {
        failed(pool, client, user, List.of(), false, ChallengeResults.FAILURE);
    }

    /**
     * A right password refused because it is among breached ones (the pool's compromised-credentials BLOCK): an
     * event that fails, with Cognito's {@code CompromisedCredentialsDetected} and the decision Block.
     */
    public void blockedCompromised(UserPool pool, UserPoolClient client, UserRecord user) {
        failed(pool, client, user, List.of(COMPROMISED), true, ChallengeResults.SUCCESS);
    }

    private void failed(UserPool pool, UserPoolClient client, UserRecord user, List<String> more, boolean blocked,
                        String passwordResult) {
        EffectiveRisk risk = configurations.effective(pool, client.clientId());
        if (!risk.mode().evaluates()) {
            return;
        }
        SignInAttempt attempt = attempt(client, false);
        RiskScoring.Score score = RiskScoring.score(attempt, events.history(pool.id(), user.sub(), attempt.address()));
        List<String> signals = new ArrayList<>(score.signals());
        signals.addAll(more);
        RiskDecision assessed = RiskDecision.of(pool, user, attempt, score.level(), signals,
                blocked ? AccountTakeoverAction.BLOCK : AccountTakeoverAction.NO_ACTION, false,
                MissingNode.getInstance());
        store(assessed, AuthEvent.FAIL, ChallengeResults.PASSWORD + ":" + passwordResult);
    }

    /** The user answered the second factor of a sign-in in progress, rightly or not. */
    public void secondFactorAnswered(UserPool pool, UserRecord user, boolean right) {
        events.secondFactorAnswered(pool.id(), user.sub(), right, LONGEST_CHALLENGE);
    }

    private ServiceException refused(UserPool pool, UserRecord user, RiskDecision decision) {
        String id = store(decision, AuthEvent.FAIL, ChallengeResults.PASSWORD + ":" + ChallengeResults.SUCCESS);
        if (decision.notifies()) {
            notices.send(pool, user, decision, id);
        }
        return new ServiceException("NotAuthorizedException", BLOCKED);
    }

    private String store(RiskDecision decision, String response, String challenges) {
        String id = UUID.randomUUID().toString();
        events.add(new AuthEvent(id, decision.userPoolId(), decision.sub(), "SignIn", decision.attempt().at(),
                response, decision.verdict().wire(), decision.level().wire(), String.join(",", decision.signals()),
                challenges, decision.attempt()));
        return id;
    }

    /**
     * The sign-in as the signals see it: from the end user's reported origin where it is believed. An app's report
     * is believed only from a client that may send it and has a secret to prove it is the app (as in Cognito, which
     * allows EnablePropagateAdditionalUserContextData only on such clients): anyone can claim any address from a
     * public client, and so choose the network the signals compare.
     */
    private SignInAttempt attempt(UserPoolClient client, boolean knownDevice) {
        boolean appMayReport = client.clientSecret().isPresent()
                && client.settings().path("EnablePropagateAdditionalUserContextData").asBoolean(false);
        ClientOrigin origin = origins.reported().filter(r -> r.byServer() || appMayReport)
                .map(ClientOrigins.Reported::origin).orElseGet(origins::current);
        return new SignInAttempt(origin.address(), Networks.of(origin.address()),
                UserAgents.family(origin.userAgent()), origin.userAgent(), knownDevice, clock.millis());
    }
}
