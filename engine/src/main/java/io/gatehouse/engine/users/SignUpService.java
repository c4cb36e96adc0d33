package io.gatehouse.engine.users;

import io.gatehouse.api.trigger.PreSignUpResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.api.userstore.NewUser;
import io.gatehouse.api.userstore.PasswordCredential;
import io.gatehouse.api.userstore.UserModification;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.api.userstore.UserRegistration;
import io.gatehouse.api.userstore.UserStatus;
import io.gatehouse.api.userstore.UserStore;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.messaging.CodeMessage;
import io.gatehouse.engine.srp.SrpCredentials;
import io.gatehouse.engine.threat.breach.CompromisedCredentials;
import io.gatehouse.engine.threat.risk.CredentialEvent;
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
    CompromisedCredentials compromised;

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
    PreSignUps preSignUps;

    @Inject
    PostConfirmations postConfirmations;

    /** What a sign-up produced. */
    public record Result(String sub, boolean confirmed, Optional<CodeDelivery> delivery) {
    }

    /**
     * Registers a user through an app client. The pool's PreSignUp trigger, if it has one, sees the sign-up after
     * every check and before anything is written: it may refuse it, or confirm the user and verify their address or
     * phone at once (then no code is sent, and the PostConfirmation trigger runs as for a confirmation, within
     * the sign-up: its refusal undoes the sign-up).
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
        compromised.requireNewPasswordAllowed(pool, clientId, CredentialEvent.SIGN_UP, password);
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
        PreSignUpResponse decided = preSignUps.run(pool, PreSignUps.SIGN_UP, username, Optional.of(clientId), values,
                validationData, clientMetadata);
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
            postConfirmations.run(pool, store, user.sub(), PostConfirmations.CONFIRM_SIGN_UP, Optional.of(clientId),
                    clientMetadata);
            return new Result(user.sub(), true, Optional.empty());
        }
        Optional<CodeDelivery> delivery = sendSignUpCode(pool, user, CodeSender.When.NOW,
                new CodeMessage.Origin(CodeMessage.Source.SIGN_UP, Optional.of(clientId), clientMetadata));
        return new Result(user.sub(), false, delivery);
    }

    /**
     * Confirms a sign-up with the code the user received; marks the address the code went to as verified. Where
     * the client prevents user existence errors, a name that is unknown or already confirmed has its code checked
     * against its stand-in ({@link VerificationCodes#standInSub}), so it answers as a wrong or missing code would.
     * The pool's PostConfirmation trigger runs last; if it fails, nothing is confirmed and the code still holds.
     */
    @Transactional(dontRollbackOn = ServiceException.class)
    public void confirm(String clientId, String secretHash, String username, String code,
                        Map<String, String> clientMetadata) {
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
        postConfirmations.run(pool, store, user.sub(), PostConfirmations.CONFIRM_SIGN_UP, Optional.of(clientId),
                clientMetadata);
    }

    /**
     * Sends a new sign-up code. Where the client prevents user existence errors, a name that is unknown, already
     * confirmed or has nothing to send a code to gets a simulated delivery and a code issued to its stand-in (the
     * same work and limits), and a real code leaves after the call has answered, so the answers and their timing
     * are alike.
     */
    @Transactional
    public CodeDelivery resend(String clientId, String secretHash, String username,
                               Map<String, String> clientMetadata) {
        CodeMessage.Origin origin = new CodeMessage.Origin(CodeMessage.Source.RESEND_CODE, Optional.of(clientId),
                clientMetadata);
        ClientOfPool app = clients.byClientIdWithPool(clientId);
        UserPoolClient client = app.client();
        SecretHash.check(client, username, secretHash);
        UserPool pool = app.pool();
        Optional<UserRecord> found = PoolUsers.find(pool, stores.forPool(pool), username);
        if (ExistenceErrors.prevented(client)) {
            Optional<CodeDelivery> sent = found.filter(u -> u.status() == UserStatus.UNCONFIRMED)
                    .flatMap(u -> sendSignUpCode(pool, u, CodeSender.When.AFTER_COMMIT, origin));
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
        return sendSignUpCode(pool, user, CodeSender.When.NOW, origin).orElseThrow(() -> ServiceException.invalidParameter(
                "The user pool verifies no attribute that this user has, so no code can be sent."));
    }

    /** Confirms a user without a code (AdminConfirmSignUp), then runs the PostConfirmation trigger, as Cognito does. */
    @Transactional
    public void adminConfirm(String userPoolId, String username, Map<String, String> clientMetadata) {
        UserPool pool = pools.get(userPoolId);
        UserStore store = stores.forPool(pool);
        UserRecord user = PoolUsers.find(pool, store, username).orElseThrow(() ->
                new ServiceException("UserNotFoundException", "User does not exist."));
        if (user.status() != UserStatus.UNCONFIRMED) {
            throw new ServiceException("NotAuthorizedException", "User cannot be confirmed. Current status is "
                    + user.status());
        }
        PoolUsers.capability(store, UserModification.class).updateStatus(user.sub(), UserStatus.CONFIRMED);
        postConfirmations.run(pool, store, user.sub(), PostConfirmations.CONFIRM_SIGN_UP, Optional.empty(),
                clientMetadata);
    }

    /**
     * Sends the sign-up code where the pool verifies: to the phone when it verifies phone numbers and the user
     * has one (as Cognito prefers), else to the e-mail address.
     */
    private Optional<CodeDelivery> sendSignUpCode(UserPool pool, UserRecord user, CodeSender.When when,
                                                  CodeMessage.Origin origin) {
        return switch (signUpChannel(pool, user)) {
            case "phone_number" -> Optional.of(sender.sms(pool, user, user.attributes().get("phone_number"),
                    SIGN_UP, SIGN_UP_CODE_VALIDITY, when, origin));
            case "email" -> Optional.of(sender.email(pool, user, user.attributes().get("email"), SIGN_UP,
                    SIGN_UP_CODE_VALIDITY, when, origin));
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
