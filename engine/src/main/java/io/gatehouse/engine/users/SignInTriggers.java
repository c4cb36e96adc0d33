package io.gatehouse.engine.users;

import io.gatehouse.api.trigger.PostAuthenticationEvent;
import io.gatehouse.api.trigger.PreAuthenticationEvent;
import io.gatehouse.api.trigger.TriggerKind;
import io.gatehouse.api.trigger.UserMigrationEvent;
import io.gatehouse.api.trigger.UserMigrationResponse;
import io.gatehouse.api.userstore.NewUser;
import io.gatehouse.api.userstore.PasswordCredential;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.api.userstore.UserRegistration;
import io.gatehouse.api.userstore.UserStatus;
import io.gatehouse.api.userstore.UserStore;
import io.gatehouse.engine.devices.Devices;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.messaging.MailSender;
import io.gatehouse.engine.messaging.MessageTemplate;
import io.gatehouse.engine.messaging.SmsSender;
import io.gatehouse.engine.srp.SrpCredentials;
import io.gatehouse.engine.trigger.ConfiguredTrigger;
import io.gatehouse.engine.trigger.Triggers;
import io.gatehouse.engine.trigger.UserAttributes;
import io.gatehouse.engine.trigger.calls.PostAuthenticationCall;
import io.gatehouse.engine.trigger.calls.PreAuthenticationCall;
import io.gatehouse.engine.trigger.calls.UserMigrationCall;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.engine.userpool.UserPoolClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The triggers of a password sign-in: PreAuthentication before the password is checked, PostAuthentication once
 * every step is passed and before tokens, and UserMigration for a name the pool does not know. Each does nothing
 * when the pool names no such trigger.
 */
@ApplicationScoped
public class SignInTriggers {

    private static final Logger LOG = Logger.getLogger(SignInTriggers.class.getName());
    static final String MIGRATION_AUTHENTICATION = "UserMigration_Authentication";
    static final String MIGRATION_FORGOT_PASSWORD = "UserMigration_ForgotPassword";

    @Inject
    Triggers triggers;

    @Inject
    UserStores stores;

    @Inject
    SrpCredentials srpCredentials;

    @Inject
    MailSender mail;

    @Inject
    SmsSender sms;

    /**
     * PreAuthentication_Authentication, before the password is checked: its refusal ends the sign-in with nothing
     * counted against the user.
     *
     * @param user           the user, or empty for a name the pool does not know (told to the trigger as
     *                       {@code userNotFound} where the client prevents existence errors; else not called)
     * @param validationData the ClientMetadata of InitiateAuth, which Cognito passes as validationData
     * @throws ServiceException {@code UserLambdaValidationException} and the other trigger errors
     */
    void preAuthentication(UserPool pool, UserPoolClient client, String username, Optional<UserRecord> user,
                           Map<String, String> validationData) {
        Optional<ConfiguredTrigger> trigger = triggers.configured(pool, TriggerKind.PRE_AUTHENTICATION);
        if (trigger.isEmpty() || (user.isEmpty() && !ExistenceErrors.prevented(client))) {
            return;
        }
        triggers.run(pool, trigger.get(), PreAuthenticationCall.INSTANCE, new PreAuthenticationEvent(
                triggers.context(pool, trigger.get(), "PreAuthentication_Authentication",
                        user.map(UserRecord::username).orElse(username), Optional.of(client.clientId())),
                user.map(UserAttributes::of).orElse(Map.of()), validationData, Map.of(), user.isEmpty()));
    }

    /**
     * PostAuthentication_Authentication: every step of the sign-in passed, no token made yet; its error fails the
     * sign-in.
     *
     * @param knownDevice    whether the client signed in from a device the user confirmed
     * @param clientMetadata the ClientMetadata of the RespondToAuthChallenge call that finished the sign-in (empty
     *                       when InitiateAuth did)
     */
    void postAuthentication(UserPool pool, UserPoolClient client, UserRecord user, boolean knownDevice,
                            Map<String, String> clientMetadata) {
        Optional<ConfiguredTrigger> trigger = triggers.configured(pool, TriggerKind.POST_AUTHENTICATION);
        if (trigger.isEmpty()) {
            return;
        }
        triggers.run(pool, trigger.get(), PostAuthenticationCall.INSTANCE, new PostAuthenticationEvent(
                triggers.context(pool, trigger.get(), "PostAuthentication_Authentication", user.username(),
                        Optional.of(client.clientId())),
                UserAttributes.of(user), clientMetadata, Devices.tracked(pool) && !knownDevice));
    }

    /** Whether the pool has a UserMigration trigger. */
    boolean migrates(UserPool pool) {
        return triggers.configured(pool, TriggerKind.USER_MIGRATION).isPresent();
    }

    /**
     * UserMigration for a name the pool does not know: the trigger looks the user up in the legacy directory and,
     * when it finds them, the user is created here with the attributes and status it gives (the password as given,
     * without the pool's password policy, as Cognito does) and, unless it says SUPPRESS, a welcome message.
     *
     * @param source   {@code UserMigration_Authentication} (with the password) or {@code UserMigration_ForgotPassword}
     * @param password the password the user signed in with; empty for ForgotPassword
     * @return the new user; empty when the pool has no such trigger or the trigger found nobody (its error, or no
     *         answer from a Java trigger)
     * @throws ServiceException {@code UnexpectedLambdaException} or {@code InvalidLambdaResponseException} when the
     *                          trigger failed otherwise, {@code UsernameExistsException} when another user holds
     *                          the name or address it gives
     */
    @Transactional
    public Optional<UserRecord> migrate(UserPool pool, UserPoolClient client, String username, String source,
                                        Optional<String> password, Map<String, String> validationData,
                                        Map<String, String> clientMetadata) {
        Optional<ConfiguredTrigger> trigger = triggers.configured(pool, TriggerKind.USER_MIGRATION);
        if (trigger.isEmpty()) {
            return Optional.empty();
        }
        Optional<UserMigrationResponse> found;
        try {
            found = triggers.run(pool, trigger.get(), UserMigrationCall.INSTANCE, new UserMigrationEvent(
                    triggers.context(pool, trigger.get(), source, username, Optional.of(client.clientId())),
                    password, validationData, clientMetadata));
        } catch (ServiceException e) {
            if ("UserLambdaValidationException".equals(e.type())) {
                // The trigger's error is its way of saying that the legacy directory has no such user.
                return Optional.empty();
            }
            throw e;
        }
        return found.map(response -> create(pool, username, source, password, response));
    }

    private UserRecord create(UserPool pool, String username, String source, Optional<String> password,
                              UserMigrationResponse response) {
        Map<String, String> values = new HashMap<>(response.userAttributes());
        values.keySet().removeIf(name -> name.equals("sub") || name.equals("username")
                || name.startsWith("cognito:") || name.startsWith("dev:"));
        UserStore store = stores.forPool(pool);
        String storedUsername = PoolUsers.storedUsername(pool.settings(), username, values);
        try {
            AttributeRules.checkAdminCreate(pool.settings(), values);
        } catch (ServiceException e) {
            throw new ServiceException("InvalidLambdaResponseException", "Unrecognizable lambda output for "
                    + "UserMigration: " + e.getMessage());
        }
        for (String attribute : PoolUsers.names(pool.settings().path("UsernameAttributes"))) {
            if (values.containsKey(attribute)
                    && PoolUsers.byAttribute(store, attribute, values.get(attribute)).isPresent()) {
                throw new ServiceException("UsernameExistsException", "An account with the given " + attribute
                        + " already exists.");
            }
        }
        // Without a password (ForgotPassword) the user can only reset it; the trigger's status cannot say otherwise.
        UserStatus status = password.isEmpty() || response.finalUserStatus().filter("RESET_REQUIRED"::equals)
                .isPresent() ? UserStatus.RESET_REQUIRED : UserStatus.CONFIRMED;
        UserRecord user;
        try {
            user = PoolUsers.capability(store, UserRegistration.class).create(new NewUser(storedUsername,
                    password.map(PasswordCredential::new), status, values));
        } catch (UserRegistration.UserExistsException e) {
            throw new ServiceException("UsernameExistsException", "User account already exists");
        }
        if (password.isPresent()) {
            srpCredentials.passwordSet(pool, store, user, password.get());
        }
        LOG.fine(() -> "Migrated a user into pool " + pool.id() + " (" + source + ")");
        if (!"SUPPRESS".equals(response.messageAction().orElse(null))) {
            welcome(pool, user, response.desiredDeliveryMediums().isEmpty() ? Set.of("SMS")
                    : Set.copyOf(response.desiredDeliveryMediums()));
        }
        return user;
    }

    /**
     * The welcome message of a migrated user: no code or password in it, the user already has theirs. A failed
     * delivery does not fail the sign-in.
     */
    private void welcome(UserPool pool, UserRecord user, Set<String> mediums) {
        MessageTemplate text = new MessageTemplate("Welcome, {username}. Your account has moved to a new sign-in "
                + "service; sign in as you always have.");
        try {
            String phone = user.attributes().get("phone_number");
            if (mediums.contains("SMS") && phone != null) {
                sms.send(pool.id(), phone, text.text("", user.username()), "");
            }
            String email = user.attributes().get("email");
            if (mediums.contains("EMAIL") && email != null) {
                mail.send(email, "Welcome", text, "", user.username());
            }
        } catch (ServiceException e) {
            LOG.warning("The welcome message of a migrated user of pool " + pool.id() + " was not delivered: "
                    + e.getMessage());
        }
    }
}
