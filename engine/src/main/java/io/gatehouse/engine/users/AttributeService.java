package io.gatehouse.engine.users;

import io.gatehouse.api.userstore.UserModification;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.api.userstore.UserStore;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.engine.userpool.UserPoolClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A signed-in user's own attributes: changing and deleting them, and verifying a changed e-mail address with a
 * mailed code.
 */
@ApplicationScoped
public class AttributeService {

    static final String VERIFY_EMAIL = "verify:email";
    static final Duration VERIFY_CODE_VALIDITY = Duration.ofHours(24);

    @Inject
    SignInService signIns;

    @Inject
    UserPoolClients clients;

    @Inject
    UserStores stores;

    @Inject
    VerificationCodes codes;

    @Inject
    CodeSender sender;

    /**
     * Changes attributes (UpdateUserAttributes). A new e-mail address is unverified until the user confirms it
     * with the code this mails, when the pool verifies e-mail addresses.
     *
     * @return where verification codes went
     */
    @Transactional
    public List<CodeDelivery> update(String accessToken, Map<String, String> attributes) {
        SignInService.Caller caller = signIns.caller(accessToken);
        UserPool pool = caller.pool();
        UserRecord user = caller.user();
        AttributeRules.checkUpdate(pool.settings(), clients.byClientId(caller.clientId()).settings(),
                attributes);
        UserStore store = stores.forPool(pool);
        Map<String, String> changes = new HashMap<>(attributes);
        String newEmail = attributes.get("email");
        boolean emailChanged = newEmail != null && !newEmail.equals(user.attributes().get("email"));
        if (emailChanged && PoolUsers.names(pool.settings().path("UsernameAttributes")).contains("email")
                && PoolUsers.byAttribute(store, "email", newEmail).filter(u -> !u.sub().equals(user.sub()))
                .isPresent()) {
            throw new ServiceException("AliasExistsException", "An account with the given email already exists.");
        }
        if (emailChanged) {
            changes.put("email_verified", "false");
        }
        PoolUsers.capability(store, UserModification.class).updateAttributes(user.sub(), changes, Set.of());
        List<CodeDelivery> deliveries = new ArrayList<>();
        if (emailChanged && PoolUsers.names(pool.settings().path("AutoVerifiedAttributes")).contains("email")) {
            deliveries.add(sender.email(pool, user, newEmail, VERIFY_EMAIL, VERIFY_CODE_VALIDITY));
        }
        return deliveries;
    }

    /** Deletes attributes (DeleteUserAttributes); deleting an address deletes its verification flag too. */
    @Transactional
    public void delete(String accessToken, List<String> names) {
        SignInService.Caller caller = signIns.caller(accessToken);
        AttributeRules.checkDelete(caller.pool().settings(), clients.byClientId(caller.clientId()).settings(),
                names);
        Set<String> remove = new HashSet<>(names);
        if (remove.contains("email")) {
            remove.add("email_verified");
        }
        if (remove.contains("phone_number")) {
            remove.add("phone_number_verified");
        }
        PoolUsers.capability(stores.forPool(caller.pool()), UserModification.class)
                .updateAttributes(caller.user().sub(), Map.of(), remove);
    }

    /** Mails a code that verifies the user's e-mail address (GetUserAttributeVerificationCode). */
    @Transactional
    public CodeDelivery sendVerificationCode(String accessToken, String attribute) {
        SignInService.Caller caller = signIns.caller(accessToken);
        String email = emailToVerify(caller.user(), attribute);
        return sender.email(caller.pool(), caller.user(), email, VERIFY_EMAIL, VERIFY_CODE_VALIDITY);
    }

    /** Marks the e-mail address verified with the mailed code (VerifyUserAttribute). */
    @Transactional(dontRollbackOn = ServiceException.class)
    public void verify(String accessToken, String attribute, String code) {
        SignInService.Caller caller = signIns.caller(accessToken);
        emailToVerify(caller.user(), attribute);
        // A wrong code still counts against the code: nothing is written before it is accepted.
        codes.verify(caller.user().sub(), VERIFY_EMAIL, code);
        PoolUsers.capability(stores.forPool(caller.pool()), UserModification.class)
                .updateAttributes(caller.user().sub(), Map.of("email_verified", "true"), Set.of());
    }

    private static String emailToVerify(UserRecord user, String attribute) {
        if (!"email".equals(attribute)) {
            throw ServiceException.invalidParameter("Gatehouse verifies the email attribute; " + attribute
                    + " cannot be verified here yet.");
        }
        return Optional.ofNullable(user.attributes().get("email")).orElseThrow(() ->
                ServiceException.invalidParameter("The user has no email attribute to verify."));
    }
}
