package io.gatehouse.engine.users;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.api.userstore.NewUser;
import io.gatehouse.api.userstore.PasswordCredential;
import io.gatehouse.api.userstore.UserModification;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.api.userstore.UserRegistration;
import io.gatehouse.api.userstore.UserStatus;
import io.gatehouse.api.userstore.UserStore;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.api.message.Channel;
import io.gatehouse.engine.messaging.CodeMessage;
import io.gatehouse.engine.messaging.CodeMessages;
import io.gatehouse.engine.messaging.MessageTemplate;
import io.gatehouse.engine.threat.breach.CompromisedCredentials;
import io.gatehouse.engine.threat.risk.CredentialEvent;
import io.gatehouse.engine.trigger.UserAttributes;
import io.gatehouse.engine.srp.SrpCredentials;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.engine.userpool.UserPools;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Users an administrator creates (AdminCreateUser): they start in FORCE_CHANGE_PASSWORD with a temporary
 * password, given or generated, which the invitation carries; their first sign-in asks for their own password.
 */
@ApplicationScoped
public class AdminUsers {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "!#%&*+-=?@^_";

    @Inject
    CompromisedCredentials compromised;

    @Inject
    SrpCredentials srpCredentials;

    @Inject
    UserPools pools;

    @Inject
    UserStores stores;

    @Inject
    CodeMessages messages;

    @Inject
    PreSignUps preSignUps;

    /**
     * Creates a user, or with {@code RESEND} gives an existing invited user a new temporary password.
     *
     * @param temporaryPassword the temporary password, or empty to generate one
     * @param messageAction     {@code SUPPRESS}, {@code RESEND}, or empty to send the invitation
     * @param deliveryMediums   {@code EMAIL} and/or {@code SMS}; Cognito's default is SMS
     * @param validationData    for the PreSignUp trigger ({@code PreSignUp_AdminCreateUser}), which sees a new user
     *                          before anything is written and may verify their address or phone (its
     *                          {@code autoConfirmUser} means nothing here: the user must choose a password)
     * @param clientMetadata    for the PreSignUp and CustomMessage triggers
     */
    @Transactional
    public UserRecord create(String userPoolId, String username, Map<String, String> attributes,
                             Optional<String> temporaryPassword, Optional<String> messageAction,
                             Set<String> deliveryMediums, Map<String, String> validationData,
                             Map<String, String> clientMetadata) {
        UserPool pool = pools.get(userPoolId);
        PasswordPolicy policy = PasswordPolicy.of(pool.settings());
        String password = temporaryPassword.orElseGet(() -> generate(policy));
        policy.check(password);
        if (temporaryPassword.isPresent()) {
            // An administrator's chosen password creates the user as a sign-up does; a generated one is random.
            compromised.requireNewPasswordAllowed(pool, null, CredentialEvent.SIGN_UP, password);
        }
        UserStore store = stores.forPool(pool);
        UserRecord user;
        if ("RESEND".equals(messageAction.orElse(null))) {
            user = PoolUsers.find(pool, store, username).orElseThrow(() ->
                    new ServiceException("UserNotFoundException", "User does not exist."));
            if (user.status() != UserStatus.FORCE_CHANGE_PASSWORD) {
                throw new ServiceException("UnsupportedUserStateException", "Resend not possible. " + username
                        + " status is not FORCE_CHANGE_PASSWORD.");
            }
            PoolUsers.capability(store, UserModification.class).updatePassword(user.sub(),
                    new PasswordCredential(password));
        } else {
            Map<String, String> values = new HashMap<>(attributes);
            String storedUsername = PoolUsers.storedUsername(pool.settings(), username, values);
            AttributeRules.checkAdminCreate(pool.settings(), values);
            for (String attribute : PoolUsers.names(pool.settings().path("UsernameAttributes"))) {
                if (values.containsKey(attribute)
                        && PoolUsers.byAttribute(store, attribute, values.get(attribute)).isPresent()) {
                    throw new ServiceException("UsernameExistsException", "An account with the given "
                            + attribute + " already exists.");
                }
            }
            preSignUps.run(pool, PreSignUps.ADMIN_CREATE_USER, username, Optional.empty(), values, validationData,
                    clientMetadata);
            try {
                user = PoolUsers.capability(store, UserRegistration.class).create(new NewUser(storedUsername,
                        Optional.of(new PasswordCredential(password)), UserStatus.FORCE_CHANGE_PASSWORD, values));
            } catch (UserRegistration.UserExistsException e) {
                throw new ServiceException("UsernameExistsException", "User account already exists");
            }
        }
        srpCredentials.passwordSet(pool, store, user, password);
        if (!"SUPPRESS".equals(messageAction.orElse(null))) {
            invite(pool, user, password, deliveryMediums.isEmpty() ? Set.of("SMS") : deliveryMediums,
                    CodeMessage.Origin.of(CodeMessage.Source.ADMIN_CREATE_USER).withMetadata(clientMetadata));
        }
        return user;
    }

    /** The invitation, through the pool's CustomMessage or custom sender triggers where it has them. */
    private void invite(UserPool pool, UserRecord user, String password, Set<String> mediums,
                        CodeMessage.Origin origin) {
        JsonNode template = pool.settings().path("AdminCreateUserConfig").path("InviteMessageTemplate");
        Map<String, String> attributes = UserAttributes.of(user);
        String phone = user.attributes().get("phone_number");
        if (mediums.contains("SMS") && phone != null) {
            String text = template.path("SMSMessage").asText("Your username is {username} and temporary password is {####}.");
            messages.send(CodeMessage.of(pool, origin, user.username(), attributes, Channel.SMS, phone,
                    Optional.empty(), new MessageTemplate(text), password), false);
        }
        String email = user.attributes().get("email");
        if (mediums.contains("EMAIL") && email != null) {
            String subject = template.path("EmailSubject").asText("Your temporary password");
            String body = template.path("EmailMessage")
                    .asText("Your username is {username} and temporary password is {####}.");
            messages.send(CodeMessage.of(pool, origin, user.username(), attributes, Channel.EMAIL, email,
                    Optional.of(subject), new MessageTemplate(body), password), false);
        }
    }

    /** A random password that meets the policy: every character class, longer than required. */
    static String generate(PasswordPolicy policy) {
        StringBuilder password = new StringBuilder();
        for (String alphabet : List.of(UPPER, LOWER, DIGITS, SYMBOLS)) {
            password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        String all = UPPER + LOWER + DIGITS + SYMBOLS;
        while (password.length() < Math.max(16, policy.minimumLength())) {
            password.append(all.charAt(RANDOM.nextInt(all.length())));
        }
        // Shuffle so the class order gives nothing away.
        for (int i = password.length() - 1; i > 0; i--) {
            int j = RANDOM.nextInt(i + 1);
            char c = password.charAt(i);
            password.setCharAt(i, password.charAt(j));
            password.setCharAt(j, c);
        }
        return password.toString();
    }
}
