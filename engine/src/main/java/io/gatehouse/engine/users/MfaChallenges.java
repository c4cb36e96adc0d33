package io.gatehouse.engine.users;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.api.message.DeliveryException;
import io.gatehouse.api.mfa.ChallengeSettings;
import io.gatehouse.api.mfa.IssuedChallenge;
import io.gatehouse.api.mfa.MfaMethod;
import io.gatehouse.api.mfa.MfaStateException;
import io.gatehouse.api.mfa.MfaUser;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.engine.auth.AuthSessions;
import io.gatehouse.engine.auth.AuthStep;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.mfa.MfaMethods;
import io.gatehouse.engine.mfa.MfaPreferences;
import io.gatehouse.engine.mfa.MfaSetting;
import io.gatehouse.engine.mfa.UserMfa;
import io.gatehouse.engine.userpool.PoolMfa;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.engine.userpool.UserPoolClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The second factor of a sign-in: whether the pool and the user call for one, which, and its challenge. In a pool
 * with MFA OPTIONAL only users who turned a method on are asked; with MFA ON everyone is, and a user with no method
 * gets a code to the phone or address they have where the pool allows it, else sets up an authenticator app
 * (MFA_SETUP). A user with several methods and no preferred one chooses (SELECT_MFA_TYPE).
 */
@ApplicationScoped
public class MfaChallenges {

    static final String SELECT_MFA_TYPE = "SELECT_MFA_TYPE";
    static final String MFA_SETUP = "MFA_SETUP";

    @Inject
    UserMfa userMfa;

    @Inject
    MfaMethods methods;

    @Inject
    AuthSessions sessions;

    @Inject
    MfaSendLimits sendLimits;

    /**
     * The challenge of the second factor the user must pass now, if any.
     *
     * @param knownDevice whether the sign-in came from a device the user confirmed
     */
    Optional<AuthStep.Challenged> challenge(UserPool pool, UserPoolClient client, UserRecord user,
                                            boolean knownDevice) {
        PoolMfa mfa = PoolMfa.of(pool.settings());
        if (!mfa.active()) {
            return Optional.empty();
        }
        MfaPreferences preferences = new MfaPreferences(userMfa.of(pool.id(), user.sub()));
        List<String> enabled = usable(pool, mfa, preferences);
        if (enabled.isEmpty()) {
            return mfa.required() ? Optional.of(fallback(pool, client, user, mfa, knownDevice)
                    .orElseThrow(MfaChallenges::noMethod)) : Optional.empty();
        }
        return Optional.of(chosen(pool, client, user, enabled, preferences, knownDevice));
    }

    /**
     * The second factor adaptive authentication asks a risky sign-in for, whatever the pool's MFA setting: the
     * user's own method, else a code to their e-mail or phone or an authenticator app to set up, as far as the
     * pool allows those methods.
     *
     * @return empty when the user has no method and can be given none
     */
    Optional<AuthStep.Challenged> forRisk(UserPool pool, UserPoolClient client, UserRecord user,
                                          boolean knownDevice) {
        PoolMfa mfa = PoolMfa.of(pool.settings());
        MfaPreferences preferences = new MfaPreferences(userMfa.of(pool.id(), user.sub()));
        List<String> enabled = usable(pool, mfa, preferences);
        if (enabled.isEmpty()) {
            return fallback(pool, client, user, mfa, knownDevice);
        }
        return Optional.of(chosen(pool, client, user, enabled, preferences, knownDevice));
    }

    /** The challenge of a user with methods turned on: their preferred one, their only one, or a choice. */
    private AuthStep.Challenged chosen(UserPool pool, UserPoolClient client, UserRecord user, List<String> enabled,
                                       MfaPreferences preferences, boolean knownDevice) {
        Optional<String> chosen = preferences.preferred().filter(enabled::contains)
                .or(() -> enabled.size() == 1 ? Optional.of(enabled.get(0)) : Optional.empty());
        if (chosen.isEmpty()) {
            String session = open(pool, client, user, SELECT_MFA_TYPE, new MfaSessionState("", knownDevice));
            return new AuthStep.Challenged(SELECT_MFA_TYPE, session, Map.of(
                    "USER_ID_FOR_SRP", user.username(),
                    "MFAS_CAN_CHOOSE", Json.write(Json.MAPPER.valueToTree(enabled))));
        }
        return issue(pool, client, user, chosen.get(), knownDevice);
    }

    /** The second factor's challenge for the hosted UI's sign-in page, which offers each of them. */
    Optional<AuthStep.Challenged> forPage(UserPool pool, UserPoolClient client, UserRecord user) {
        return challenge(pool, client, user, false);
    }

    /** The methods the user turned on that the pool allows and the server has, in a stable order. */
    List<String> usable(UserPool pool, PoolMfa mfa, MfaPreferences preferences) {
        return preferences.enabled().stream().filter(mfa.methods()::contains).filter(methods::exists).toList();
    }

    /**
     * Issues {@code method}'s challenge: sends its code where it sends one, and opens the session its answer comes
     * back with.
     *
     * @throws ServiceException {@code CodeDeliveryFailureException} when the code could not be sent
     */
    AuthStep.Challenged issue(UserPool pool, UserPoolClient client, UserRecord user, String method,
                              boolean knownDevice) {
        return issue(pool, client, user, method, knownDevice, "");
    }

    /**
     * Sends an e-mail code to the address a user without one gave while setting up MFA (MFA_SETUP answered with
     * {@code EMAIL}); the address becomes theirs, verified, only when the code comes back.
     */
    AuthStep.Challenged issueToNewEmail(UserPool pool, UserPoolClient client, UserRecord user, String address,
                                        boolean knownDevice) {
        return issue(pool, client, user, PoolMfa.EMAIL_OTP, knownDevice, address);
    }

    private AuthStep.Challenged issue(UserPool pool, UserPoolClient client, UserRecord user, String method,
                                      boolean knownDevice, String newEmail) {
        IssuedChallenge issued;
        try (MfaMethod factor = methods.named(pool, method, user, Optional.of(client.clientId()))) {
            Optional<String> enrolment = enrolment(pool, user, factor);
            if (factor.deliveryAttribute().isPresent()) {
                sendLimits.count(pool.id(), user.sub(), method);
            }
            MfaUser recipient = newEmail.isEmpty() ? MfaMethods.user(pool, user) : withEmail(pool, user, newEmail);
            issued = factor.issue(recipient, enrolment, settings(pool, method));
        } catch (DeliveryException e) {
            throw new ServiceException("CodeDeliveryFailureException", "Unable to deliver the code.");
        } catch (MfaStateException e) {
            throw MfaMethods.unreadable(e);
        }
        String session = open(pool, client, user, method,
                new MfaSessionState(issued.challengeState(), knownDevice, false, newEmail));
        Map<String, String> parameters = new HashMap<>(issued.parameters());
        parameters.put("USER_ID_FOR_SRP", user.username());
        return new AuthStep.Challenged(method, session, parameters);
    }

    /**
     * The user's verified enrolment in {@code factor}, for a method that needs one; empty for one that does not.
     *
     * @throws ServiceException {@code SoftwareTokenMFANotFoundException} when the method needs an enrolment and the
     *                          user has no verified one
     */
    Optional<String> enrolment(UserPool pool, UserRecord user, MfaMethod factor) {
        if (!factor.needsEnrolment()) {
            return Optional.empty();
        }
        return Optional.of(userMfa.find(pool.id(), user.sub(), factor.name()).filter(MfaSetting::verified)
                .map(MfaSetting::state).orElseThrow(() -> new ServiceException("SoftwareTokenMFANotFoundException",
                        "Software token MFA has not been enabled by the user.")));
    }

    /**
     * A user who must pass a second factor and has turned none on: a code where they can be sent one, else an
     * authenticator or address to set up; empty when the pool allows neither.
     */
    private Optional<AuthStep.Challenged> fallback(UserPool pool, UserPoolClient client, UserRecord user,
                                                   PoolMfa mfa, boolean knownDevice) {
        for (String method : List.of(PoolMfa.SMS_MFA, PoolMfa.EMAIL_OTP)) {
            if (mfa.methods().contains(method) && methods.exists(method)) {
                try (MfaMethod factor = methods.named(pool, method)) {
                    if (factor.usableBy(MfaMethods.user(pool, user))) {
                        return Optional.of(issue(pool, client, user, method, knownDevice));
                    }
                }
            }
        }
        List<String> canSetUp = setUpChoices(mfa);
        if (!canSetUp.isEmpty()) {
            String session = open(pool, client, user, MFA_SETUP, new MfaSessionState("", knownDevice));
            return Optional.of(new AuthStep.Challenged(MFA_SETUP, session, Map.of(
                    "USER_ID_FOR_SRP", user.username(),
                    "MFAS_CAN_SETUP", Json.write(Json.MAPPER.valueToTree(canSetUp)))));
        }
        return Optional.empty();
    }

    private static ServiceException noMethod() {
        return new ServiceException("NotAuthorizedException", "The user pool requires MFA, and this user has no "
                + "method the pool allows nor a way to set one up.");
    }

    /**
     * What a user with no usable method can set up inside the sign-in: an authenticator app, and an e-mail address
     * (offered only to users without one, as those with one are sent a code there instead).
     */
    List<String> setUpChoices(PoolMfa mfa) {
        return List.of(PoolMfa.SOFTWARE_TOKEN_MFA, PoolMfa.EMAIL_OTP).stream()
                .filter(mfa.methods()::contains).filter(methods::exists).toList();
    }

    /** The user as a method sees them with the address they gave, not yet theirs. */
    private static MfaUser withEmail(UserPool pool, UserRecord user, String address) {
        Map<String, String> attributes = new HashMap<>(user.attributes());
        attributes.put("email", address);
        attributes.put("email_verified", "false");
        return new MfaUser(pool.id(), user.sub(), user.username(), attributes);
    }

    private String open(UserPool pool, UserPoolClient client, UserRecord user, String challenge,
                        MfaSessionState state) {
        return sessions.open(pool.id(), client.clientId(), user.sub(), challenge, SignInChain.sessionValidity(client),
                state.toText());
    }

    /** The pool's text for a method's message, where it has one (Cognito's SmsAuthenticationMessage, email MFA). */
    private static ChallengeSettings settings(UserPool pool, String method) {
        PoolMfa mfa = PoolMfa.of(pool.settings());
        if (!PoolMfa.SMS_MFA.equals(method) && !PoolMfa.EMAIL_OTP.equals(method)) {
            return ChallengeSettings.defaults();
        }
        JsonNode config = PoolMfa.SMS_MFA.equals(method) ? mfa.sms() : mfa.email();
        Optional<String> message = Optional.ofNullable(PoolMfa.SMS_MFA.equals(method)
                ? config.path("SmsAuthenticationMessage").textValue() : config.path("Message").textValue());
        Optional<String> subject = Optional.ofNullable(config.path("Subject").textValue());
        return new ChallengeSettings(Optional.empty(), message, subject);
    }
}
