package io.gatehouse.engine.users;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.api.userstore.CredentialValidator;
import io.gatehouse.api.userstore.PasswordCredential;
import io.gatehouse.api.userstore.UserModification;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.api.userstore.UserStatus;
import io.gatehouse.api.userstore.UserStore;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.messaging.CodeMessage;
import io.gatehouse.engine.threat.breach.CompromisedCredentials;
import io.gatehouse.engine.threat.risk.CredentialEvent;
import io.gatehouse.engine.token.TokenService;
import io.gatehouse.engine.srp.SrpCredentials;
import io.gatehouse.engine.threat.lockout.SignInLocks;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Forgotten and changed passwords, and users deleting themselves. */
@ApplicationScoped
public class PasswordService {

    static final String RESET = "password-reset";
    /** Cognito's reset codes last one hour. */
    static final Duration RESET_CODE_VALIDITY = Duration.ofHours(1);

    @Inject
    CompromisedCredentials compromised;

    @Inject
    SignInLocks locks;

    @Inject
    UserDirectory directory;

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
    PostConfirmations postConfirmations;

    @Inject
    TokenService tokens;

    @Inject
    SignInService signIns;

    @Inject
    SrpCredentials srpCredentials;

    @Inject
    SignInTriggers signInTriggers;

    /**
     * Sends a reset code to the user's verified e-mail address or phone (ForgotPassword).
     *
     * <p>Where the client prevents user existence errors, every name gets the same kind of answer at the same
     * speed: a user who cannot reset (unknown, disabled, awaiting a new password, with nothing verified) gets a
     * simulated delivery, and a code is issued for a stand-in of the name (the same database work, and the same
     * limits, as a real code) and sent nowhere; a real code is sent after the call has answered, so no SMTP round
     * trip shows in its timing.
     */
    @Transactional
    public CodeDelivery forgotPassword(String clientId, String secretHash, String username) {
        return forgotPassword(clientId, secretHash, username, Map.of());
    }

    /**
     * {@link #forgotPassword(String, String, String)} with the call's ClientMetadata, for the triggers. A name the
     * pool does not know goes to its UserMigration trigger (UserMigration_ForgotPassword) first: a user it finds is
     * created awaiting a reset, and gets the code.
     */
    @Transactional
    public CodeDelivery forgotPassword(String clientId, String secretHash, String username,
                                       Map<String, String> clientMetadata) {
        CodeMessage.Origin origin = new CodeMessage.Origin(CodeMessage.Source.FORGOT_PASSWORD, Optional.of(clientId),
                clientMetadata);
        ClientOfPool app = clients.byClientIdWithPool(clientId);
        UserPoolClient client = app.client();
        SecretHash.check(client, username, secretHash);
        UserPool pool = app.pool();
        Optional<UserRecord> found = PoolUsers.find(pool, stores.forPool(pool), username);
        if (found.isEmpty()) {
            found = signInTriggers.migrate(pool, client, username, SignInTriggers.MIGRATION_FORGOT_PASSWORD,
                    Optional.empty(), Map.of(), clientMetadata);
        }
        if (ExistenceErrors.prevented(client)) {
            Optional<CodeDelivery> sent = found.filter(user -> mayReset(user) && resetContact(pool, user).isPresent())
                    .flatMap(user -> sendResetCode(pool, user, CodeSender.When.AFTER_COMMIT, origin));
            if (sent.isPresent()) {
                return sent.get();
            }
            codes.issue(pool.id(), VerificationCodes.standInSub(pool.id(), username), RESET, RESET_CODE_VALIDITY);
            return ExistenceErrors.simulatedDelivery(pool.id(), username, simulatedBySms(pool));
        }
        UserRecord user = found.orElseThrow(() -> new ServiceException("UserNotFoundException",
                "User does not exist."));
        if (!mayReset(user)) {
            throw new ServiceException("NotAuthorizedException", "User password cannot be reset in the current state.");
        }
        return sendResetCode(pool, user, CodeSender.When.NOW, origin).orElseThrow(() -> ServiceException.invalidParameter(
                "Cannot reset password for the user as there is no registered/verified email or phone_number"));
    }

    /**
     * Whether a simulated reset code "goes" by SMS: as real ones most likely do in this pool, by the first
     * recovery mechanism whose attribute the pool verifies (users have that one verified).
     */
    private static boolean simulatedBySms(UserPool pool) {
        Set<String> verified = PoolUsers.names(pool.settings().path("AutoVerifiedAttributes"));
        List<String> order = recoveryOrder(pool);
        String likely = order.stream().filter(m -> verified.contains("verified_email".equals(m) ? "email"
                : "phone_number")).findFirst().orElse(order.isEmpty() ? "verified_email" : order.get(0));
        return "verified_phone_number".equals(likely);
    }

    /** Whether the user's own reset may replace their password: not while disabled or awaiting a new password. */
    private static boolean mayReset(UserRecord user) {
        return user.enabled() && user.status() != UserStatus.FORCE_CHANGE_PASSWORD;
    }

    /**
     * Turns a user's password off (AdminResetUserPassword): the next sign-in answers
     * PasswordResetRequiredException, and a reset code goes to the user's verified address or phone when there is
     * one, for ConfirmForgotPassword. Their sign-ins end.
     */
    @Transactional
    public void adminReset(String userPoolId, String username, Map<String, String> clientMetadata) {
        UserPool pool = pools.get(userPoolId);
        UserStore store = stores.forPool(pool);
        UserRecord user = PoolUsers.existing(pool, store, username);
        if (!user.enabled()) {
            throw new ServiceException("NotAuthorizedException", "User is disabled.");
        }
        PoolUsers.capability(store, UserModification.class).updateStatus(user.sub(), UserStatus.RESET_REQUIRED);
        tokens.revokeAll(pool.id(), user.sub());
        sendResetCode(pool, user, CodeSender.When.NOW, new CodeMessage.Origin(CodeMessage.Source.FORGOT_PASSWORD,
                Optional.empty(), clientMetadata));
    }

    /** Sends a reset code by the pool's first recovery mechanism the user has verified; empty when none. */
    private Optional<CodeDelivery> sendResetCode(UserPool pool, UserRecord user, CodeSender.When when,
                                                 CodeMessage.Origin origin) {
        return resetContact(pool, user).map(contact -> "email".equals(contact.attribute())
                ? sender.email(pool, user, contact.value(), RESET, RESET_CODE_VALIDITY, when, origin)
                : sender.sms(pool, user, contact.value(), RESET, RESET_CODE_VALIDITY, when, origin));
    }

    /** A verified address or number a reset code can go to. */
    private record Contact(String attribute, String value) {
    }

    /** Where the pool's first recovery mechanism the user has verified sends reset codes; empty when none. */
    private static Optional<Contact> resetContact(UserPool pool, UserRecord user) {
        for (String mechanism : recoveryOrder(pool)) {
            String attribute = "verified_email".equals(mechanism) ? "email" : "phone_number";
            String value = user.attributes().get(attribute);
            if (value != null && "true".equals(user.attributes().get(attribute + "_verified"))) {
                return Optional.of(new Contact(attribute, value));
            }
        }
        return Optional.empty();
    }

    /**
     * Sets a user's password as an administrator (AdminSetUserPassword): a permanent one confirms the user, a
     * temporary one must be changed at the next sign-in (NEW_PASSWORD_REQUIRED). The user's sign-ins end.
     */
    @Transactional
    public void adminSet(String userPoolId, String username, String password, boolean permanent) {
        UserPool pool = pools.get(userPoolId);
        UserStore store = stores.forPool(pool);
        UserRecord user = PoolUsers.existing(pool, store, username);
        PasswordPolicy.of(pool.settings()).check(password);
        compromised.requireNewPasswordAllowed(pool, null, CredentialEvent.PASSWORD_CHANGE, password);
        UserModification modification = PoolUsers.capability(store, UserModification.class);
        modification.updatePassword(user.sub(), new PasswordCredential(password));
        srpCredentials.passwordSet(pool, store, user, password);
        modification.updateStatus(user.sub(), permanent ? UserStatus.CONFIRMED : UserStatus.FORCE_CHANGE_PASSWORD);
        // Whoever held the old password is signed out with it (Cognito keeps their sessions; we do not).
        tokens.revokeAll(pool.id(), user.sub());
    }

    /**
     * Where reset codes go, first choice first: the pool's AccountRecoverySetting by priority, or Cognito's
     * older default, a verified phone before a verified e-mail address.
     */
    private static List<String> recoveryOrder(UserPool pool) {
        List<JsonNode> mechanisms = new ArrayList<>();
        pool.settings().path("AccountRecoverySetting").path("RecoveryMechanisms").forEach(mechanisms::add);
        if (mechanisms.isEmpty()) {
            return List.of("verified_phone_number", "verified_email");
        }
        mechanisms.sort(Comparator.comparingInt(m -> m.path("Priority").asInt()));
        List<String> order = new ArrayList<>();
        mechanisms.forEach(m -> order.add(m.path("Name").asText()));
        order.remove("admin_only");
        return order;
    }

    /**
     * Sets a new password with the reset code (ConfirmForgotPassword), and ends the user's sign-ins: whoever
     * reset the password may be locking out someone who had it. Cognito leaves them; this is a deliberate
     * difference.
     *
     * <p>Where the client prevents user existence errors, the password policy is checked first for every name,
     * and a user who could not have been sent a code (see {@link #forgotPassword}) has the code checked against
     * their stand-in, so wrong codes, missing codes and the attempt limit answer alike for every name.
     */
    @Transactional(dontRollbackOn = ServiceException.class)
    public void confirmForgotPassword(String clientId, String secretHash, String username, String code,
                                      String password, Map<String, String> clientMetadata) {
        ClientOfPool app = clients.byClientIdWithPool(clientId);
        UserPoolClient client = app.client();
        SecretHash.check(client, username, secretHash);
        UserPool pool = app.pool();
        UserStore store = stores.forPool(pool);
        Optional<UserRecord> found = PoolUsers.find(pool, store, username);
        if (found.isEmpty() && !ExistenceErrors.prevented(client)) {
            throw new ServiceException("UserNotFoundException", "User does not exist.");
        }
        PasswordPolicy.of(pool.settings()).check(password);
        // For every name alike, before the code: a refusal here says nothing about the user.
        compromised.requireNewPasswordAllowed(pool, clientId, CredentialEvent.PASSWORD_CHANGE, password);
        // The users ForgotPassword sends a real code to; any other has had at most a stand-in's.
        Optional<UserRecord> resettable = ExistenceErrors.prevented(client)
                ? found.filter(user -> mayReset(user) && resetContact(pool, user).isPresent()) : found;
        if (resettable.isEmpty()) {
            // Counts against the stand-in's limits as a real guess would; a stand-in's code is never sent.
            codes.verify(VerificationCodes.standInSub(pool.id(), username), RESET, code);
            throw VerificationCodes.mismatch();
        }
        UserRecord user = resettable.get();
        // Nothing is written before the code is accepted; a wrong code still counts (this method commits on
        // ServiceException).
        codes.verify(user.sub(), RESET, code);
        UserModification modification = PoolUsers.capability(store, UserModification.class);
        modification.updatePassword(user.sub(), new PasswordCredential(password));
        srpCredentials.passwordSet(pool, store, user, password);
        if (user.status() == UserStatus.RESET_REQUIRED) {
            modification.updateStatus(user.sub(), UserStatus.CONFIRMED);
        }
        tokens.revokeAll(pool.id(), user.sub());
        postConfirmations.run(pool, store, user.sub(), PostConfirmations.CONFIRM_FORGOT_PASSWORD,
                Optional.of(clientId), clientMetadata);
    }

    /**
     * Changes the password of the access token's user, who proves the old one (ChangePassword). The user's other
     * sign-ins end (another device may be whoever learned the old password); the one of the access token goes on.
     * Cognito keeps them all; this is a deliberate difference.
     */
    @Transactional
    public void changePassword(String accessToken, String previous, String proposed) {
        SignInService.Caller caller = signIns.caller(accessToken);
        UserRecord user = caller.user();
        UserPool pool = caller.pool();
        UserStore store = stores.forPool(pool);
        // The previous password is a guess like a sign-in's, and counts against the same lock.
        try (SignInLocks.Attempt attempt = locks.begin(pool.id(), SignInLocks.user(pool.id(), user.sub()))) {
            if (PoolUsers.capability(store, CredentialValidator.class)
                    .validate(user, new PasswordCredential(previous)) != CredentialValidator.Outcome.VALID) {
                locks.failed(attempt);
                throw new ServiceException("NotAuthorizedException", "Incorrect username or password.");
            }
            locks.succeeded(attempt);
        }
        PasswordPolicy.of(pool.settings()).check(proposed);
        compromised.requireNewPasswordAllowed(pool, caller.clientId(), CredentialEvent.PASSWORD_CHANGE, proposed);
        PoolUsers.capability(store, UserModification.class).updatePassword(user.sub(), new PasswordCredential(proposed));
        srpCredentials.passwordSet(pool, store, user, proposed);
        tokens.revokeAllBut(pool.id(), user.sub(), caller.originJti());
    }

    /** Deletes the access token's user and ends all their sign-ins (DeleteUser). */
    @Transactional
    public void deleteUser(String accessToken) {
        SignInService.Caller caller = signIns.caller(accessToken);
        directory.remove(caller.pool(), stores.forPool(caller.pool()), caller.user());
    }
}
