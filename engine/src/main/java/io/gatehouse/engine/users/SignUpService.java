package io.gatehouse.engine.users;

import io.gatehouse.api.trigger.PreSignUpEvent;
import io.gatehouse.api.trigger.PreSignUpResponse;
import io.gatehouse.api.trigger.TriggerKind;
import io.gatehouse.engine.trigger.ConfiguredTrigger;
import io.gatehouse.engine.trigger.Triggers;
import io.gatehouse.engine.trigger.calls.PreSignUpCall;
import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.api.userstore.NewUser;
import io.gatehouse.api.userstore.PasswordCredential;
import io.gatehouse.api.userstore.UserModification;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.api.userstore.UserRegistration;
import io.gatehouse.api.userstore.UserStatus;
import io.gatehouse.api.userstore.UserStore;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.srp.SrpCredentials;
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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Self-service registration: sign-up, confirmation by a code sent to the user, re-sending that code, and an
 * administrator's confirmation. Each call is one transaction, the e-mail included: if the code cannot be
 * delivered, no user is created.
 */
@ApplicationScoped
public class SignUpService {

    static final String SIGN_UP = "sign-up";
    /** Cognito's sign-up codes last 24 hours. */
    static final Duration SIGN_UP_CODE_VALIDITY = Duration.ofHours(24);

    @Inject
    SrpCredentials srpCredentials;

    @Inject
    UserPools pools;

    @Inject
    UserPoolClients clients;

    @Inject
    UserStores stores;

    @Inject
    VerificationCodes codes;

    @Inject
    CodeSender sender;

    @Inject
    Triggers triggers;

    /** What a sign-up produced. */
    public record Result(String sub, boolean confirmed, Optional<CodeDelivery> delivery) {
    }

    /**
     * Registers a user through an app client. The pool's PreSignUp trigger, if it has one, sees the sign-up after
     * every check and before anything is written: it may refuse it, or confirm the user and verify their address or
     * phone at once (then no code is sent).
     */
    @Transactional
    public Result signUp(String clientId, String secretHash, String username, String password,
                         Map<String, String> attributes, Map<String, String> validationData,
                         Map<String, String> clientMetadata) {
        ClientOfPool app = clients.byClientIdWithPool(clientId);
        UserPoolClient client = app.client();
        SecretHash.check(client, username, secretHash);
        UserPool pool = app.pool();
        JsonNode settings = pool.settings();
        if (settings.path("AdminCreateUserConfig").path("AllowAdminCreateUserOnly").asBoolean(false)) {
            throw new ServiceException("NotAuthorizedException", "SignUp is not permitted for this user pool");
        }
        PasswordPolicy.of(settings).check(password);
        Map<String, String> values = new HashMap<>(attributes);
        String storedUsername = PoolUsers.storedUsername(settings, username, values);
        Set<String> usernameAttributes = PoolUsers.names(settings.path("UsernameAttributes"));
        AttributeRules.checkSignUp(settings, client.settings(), values);
        UserStore store = stores.forPool(pool);
        for (String attribute : usernameAttributes) {
            if (values.containsKey(attribute) && PoolUsers.byAttribute(store, attribute, values.get(attribute)).isPresent()) {
                throw new ServiceException("UsernameExistsException", "An account with the given "
                        + ("email".equals(attribute) ? "email" : "phone number") + " already exists.");
            }
        }
        PreSignUpResponse decided = preSignUp(pool, "PreSignUp_SignUp", username, clientId, values, validationData,
                clientMetadata);
        UserRecord user;
        try {
            user = PoolUsers.capability(store, UserRegistration.class).create(new NewUser(storedUsername,
                    Optional.of(new PasswordCredential(password)), decided.autoConfirmUser() ? UserStatus.CONFIRMED
                    : UserStatus.UNCONFIRMED, values));
        } catch (UserRegistration.UserExistsException e) {
            throw new ServiceException("UsernameExistsException", "User already exists");
        }
        srpCredentials.passwordSet(pool, store, user, password);
        if (decided.autoConfirmUser()) {
            return new Result(user.sub(), true, Optional.empty());
        }
        Optional<CodeDelivery> delivery = sendSignUpCode(pool, user, CodeSender.When.NOW);
        return new Result(user.sub(), false, delivery);
    }

    /**
     * Confirms a sign-up with the code the user received; marks the address the code went to as verified. Where
     * the client prevents user existence errors, a name that is unknown or already confirmed has its code checked
     * against its stand-in ({@link VerificationCodes#standInSub}), so it answers as a wrong or missing code would.
     */
    @Transactional(dontRollbackOn = ServiceException.class)
    public void confirm(String clientId, String secretHash, String username, String code) {
        ClientOfPool app = clients.byClientIdWithPool(clientId);
        UserPoolClient client = app.client();
        SecretHash.check(client, username, secretHash);
        UserPool pool = app.pool();
        UserStore store = stores.forPool(pool);
        Optional<UserRecord> found = PoolUsers.find(pool, store, username);
        if (ExistenceErrors.prevented(client) && found.filter(u -> u.status() == UserStatus.UNCONFIRMED).isEmpty()) {
            // An unconfirmed user always has a code (sign-up sent one), so the stand-in gets one too: a wrong code
            // answers CodeMismatchException and counts towards the same limit.
            String standIn = VerificationCodes.standInSub(pool.id(), username);
            codes.ensureIssued(pool.id(), standIn, SIGN_UP, SIGN_UP_CODE_VALIDITY);
            codes.verify(standIn, SIGN_UP, code);
            throw VerificationCodes.mismatch();
        }
        UserRecord user = found.orElseThrow(() -> new ServiceException("UserNotFoundException",
                "User does not exist."));
        if (user.status() != UserStatus.UNCONFIRMED) {
            throw new ServiceException("NotAuthorizedException", "User cannot be confirmed. Current status is "
                    + user.status());
        }
        // Reads only until here: a wrong code must still count against the code, so this method commits on
        // ServiceException, and nothing is written before the code is accepted.
        codes.verify(user.sub(), SIGN_UP, code);
        UserModification modification = PoolUsers.capability(store, UserModification.class);
        modification.updateStatus(user.sub(), UserStatus.CONFIRMED);
        String channel = signUpChannel(pool, user);
        if (!channel.isEmpty()) {
            modification.updateAttributes(user.sub(), Map.of(channel + "_verified", "true"), Set.of());
        }
    }

    /**
     * Sends a new sign-up code. Where the client prevents user existence errors, a name that is unknown, already
     * confirmed or has nothing to send a code to gets a simulated delivery and a code issued to its stand-in (the
     * same work and limits), and a real code leaves after the call has answered, so the answers and their timing
     * are alike.
     */
    @Transactional
    public CodeDelivery resend(String clientId, String secretHash, String username) {
        ClientOfPool app = clients.byClientIdWithPool(clientId);
        UserPoolClient client = app.client();
        SecretHash.check(client, username, secretHash);
        UserPool pool = app.pool();
        Optional<UserRecord> found = PoolUsers.find(pool, stores.forPool(pool), username);
        if (ExistenceErrors.prevented(client)) {
            Optional<CodeDelivery> sent = found.filter(u -> u.status() == UserStatus.UNCONFIRMED)
                    .flatMap(u -> sendSignUpCode(pool, u, CodeSender.When.AFTER_COMMIT));
            if (sent.isPresent()) {
                return sent.get();
            }
            codes.issue(pool.id(), VerificationCodes.standInSub(pool.id(), username), SIGN_UP,
                    SIGN_UP_CODE_VALIDITY);
            return ExistenceErrors.simulatedDelivery(pool.id(), username,
                    autoVerified(pool).contains("phone_number") && !username.contains("@"));
        }
        UserRecord user = found.orElseThrow(() -> new ServiceException("UserNotFoundException",
                "User does not exist."));
        if (user.status() != UserStatus.UNCONFIRMED) {
            throw ServiceException.invalidParameter("User is already confirmed.");
        }
        return sendSignUpCode(pool, user, CodeSender.When.NOW).orElseThrow(() -> ServiceException.invalidParameter(
                "The user pool verifies no attribute that this user has, so no code can be sent."));
    }

    /**
     * Runs the pool's PreSignUp trigger, if it has one, on the attributes the user is to have, and applies its
     * verification flags to them. Without a trigger the sign-up goes on as it was.
     *
     * @param attributes the attributes to create the user with; the trigger's verified flags are added here
     */
    PreSignUpResponse preSignUp(UserPool pool, String triggerSource, String username, String clientId,
                                Map<String, String> attributes, Map<String, String> validationData,
                                Map<String, String> clientMetadata) {
        Optional<ConfiguredTrigger> trigger = triggers.configured(pool, TriggerKind.PRE_SIGN_UP);
        if (trigger.isEmpty()) {
            return PreSignUpResponse.NONE;
        }
        PreSignUpResponse decided = triggers.run(pool, trigger.get(), PreSignUpCall.INSTANCE, new PreSignUpEvent(
                triggers.context(pool, trigger.get(), triggerSource, username, Optional.ofNullable(clientId)),
                attributes, validationData, clientMetadata)).orElse(PreSignUpResponse.NONE);
        verify(attributes, "email", decided.autoVerifyEmail());
        verify(attributes, "phone_number", decided.autoVerifyPhone());
        return decided;
    }

    private static void verify(Map<String, String> attributes, String attribute, boolean verified) {
        if (!verified) {
            return;
        }
        if (!attributes.containsKey(attribute)) {
            throw new ServiceException("InvalidLambdaResponseException", "PreSignUp verified " + attribute
                    + ", which the user does not have.");
        }
        attributes.put(attribute + "_verified", "true");
    }

    /** Confirms a user without a code (AdminConfirmSignUp). */
    @Transactional
    public void adminConfirm(String userPoolId, String username) {
        UserPool pool = pools.get(userPoolId);
        UserStore store = stores.forPool(pool);
        UserRecord user = PoolUsers.find(pool, store, username).orElseThrow(() ->
                new ServiceException("UserNotFoundException", "User does not exist."));
        if (user.status() != UserStatus.UNCONFIRMED) {
            throw new ServiceException("NotAuthorizedException", "User cannot be confirmed. Current status is "
                    + user.status());
        }
        PoolUsers.capability(store, UserModification.class).updateStatus(user.sub(), UserStatus.CONFIRMED);
    }

    /**
     * Sends the sign-up code where the pool verifies: to the phone when it verifies phone numbers and the user
     * has one (as Cognito prefers), else to the e-mail address.
     */
    private Optional<CodeDelivery> sendSignUpCode(UserPool pool, UserRecord user, CodeSender.When when) {
        return switch (signUpChannel(pool, user)) {
            case "phone_number" -> Optional.of(sender.sms(pool, user, user.attributes().get("phone_number"),
                    SIGN_UP, SIGN_UP_CODE_VALIDITY, when));
            case "email" -> Optional.of(sender.email(pool, user, user.attributes().get("email"), SIGN_UP,
                    SIGN_UP_CODE_VALIDITY, when));
            default -> Optional.empty();
        };
    }

    /** The attribute a sign-up code verifies for this user, or empty text when the pool verifies none they have. */
    private static String signUpChannel(UserPool pool, UserRecord user) {
        Set<String> verified = autoVerified(pool);
        if (verified.contains("phone_number") && user.attributes().containsKey("phone_number")) {
            return "phone_number";
        }
        if (verified.contains("email") && user.attributes().containsKey("email")) {
            return "email";
        }
        return "";
    }

    private static Set<String> autoVerified(UserPool pool) {
        return PoolUsers.names(pool.settings().path("AutoVerifiedAttributes"));
    }

}
