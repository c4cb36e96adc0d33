package io.gatehouse.engine.users;

import com.fasterxml.jackson.databind.node.MissingNode;
import io.gatehouse.api.userstore.UserModification;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.api.userstore.UserStore;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.messaging.CodeMessage;
import io.gatehouse.engine.userpool.UserPool;
import io.gatehouse.engine.userpool.UserPoolClients;
import io.gatehouse.engine.userpool.UserPools;
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
 * A signed-in user's own attributes: changing and deleting them, and verifying a changed e-mail address or phone
 * number with a code sent to it.
 */
@ApplicationScoped
public class AttributeService {

    static final String VERIFY = "verify:";
    /** The attributes a code can verify, and their verification flags. */
    static final Set<String> VERIFIABLE = Set.of("email", "phone_number");
    static final Duration VERIFY_CODE_VALIDITY = Duration.ofHours(24);

    @Inject
    SignInService signIns;

    @Inject
    UserPoolClients clients;

    @Inject
    UserPools pools;

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
    public List<CodeDelivery> update(String accessToken, Map<String, String> attributes,
                                     Map<String, String> clientMetadata) {
        SignInService.Caller caller = signIns.caller(accessToken);
        AttributeRules.checkUpdate(caller.pool().settings(), clients.byClientId(caller.clientId()).settings(),
                attributes);
        return apply(caller.pool(), caller.user(), attributes, new CodeMessage.Origin(
                CodeMessage.Source.UPDATE_USER_ATTRIBUTE, Optional.of(caller.clientId()), clientMetadata));
    }

    /**
     * Changes a user's attributes as an administrator (AdminUpdateUserAttributes): as UpdateUserAttributes, but
     * no app client limits what is written, and the verification flags may be set; a new address whose flag is
     * not set to true in the same call is unverified, and gets a code when the pool verifies it.
     */
    @Transactional
    public List<CodeDelivery> adminUpdate(String userPoolId, String username, Map<String, String> attributes,
                                          Map<String, String> clientMetadata) {
        UserPool pool = pools.get(userPoolId);
        UserRecord user = PoolUsers.existing(pool, stores.forPool(pool), username);
        AttributeRules.checkAdminUpdate(pool.settings(), attributes);
        return apply(pool, user, attributes, new CodeMessage.Origin(CodeMessage.Source.UPDATE_USER_ATTRIBUTE,
                Optional.empty(), clientMetadata));
    }

    private List<CodeDelivery> apply(UserPool pool, UserRecord user, Map<String, String> attributes,
                                     CodeMessage.Origin origin) {
        UserStore store = stores.forPool(pool);
        Map<String, String> changes = new HashMap<>(attributes);
        List<String> changed = new ArrayList<>();
        for (String attribute : VERIFIABLE) {
            String value = attributes.get(attribute);
            if (value == null || value.equals(user.attributes().get(attribute))) {
                continue;
            }
            PoolUsers.checkSignInAttributeFree(pool, store, user, attribute, value);
            if ("true".equals(attributes.get(attribute + "_verified"))) {
                continue; // an administrator vouched for it
            }
            // A new address is unverified until its code comes back.
            changes.put(attribute + "_verified", "false");
            changed.add(attribute);
        }
        PoolUsers.capability(store, UserModification.class).updateAttributes(user.sub(), changes, Set.of());
        // The messages' events show the attributes as the change left them.
        UserRecord changedUser = new UserRecord(user.sub(), user.username(), user.status(), user.enabled(),
                merged(user.attributes(), changes), user.created(), user.lastModified());
        List<CodeDelivery> deliveries = new ArrayList<>();
        Set<String> autoVerified = PoolUsers.names(pool.settings().path("AutoVerifiedAttributes"));
        for (String attribute : changed) {
            if (autoVerified.contains(attribute)) {
                deliveries.add(send(pool, changedUser, attribute, attributes.get(attribute), origin));
            }
        }
        return deliveries;
    }

    /** Deletes attributes (DeleteUserAttributes); deleting an address deletes its verification flag too. */
    @Transactional
    public void delete(String accessToken, List<String> names) {
        SignInService.Caller caller = signIns.caller(accessToken);
        AttributeRules.checkDelete(caller.pool().settings(), clients.byClientId(caller.clientId()).settings(),
                names);
        remove(caller.pool(), caller.user(), names);
    }

    /** Deletes a user's attributes as an administrator (AdminDeleteUserAttributes). */
    @Transactional
    public void adminDelete(String userPoolId, String username, List<String> names) {
        UserPool pool = pools.get(userPoolId);
        UserRecord user = PoolUsers.existing(pool, stores.forPool(pool), username);
        AttributeRules.checkDelete(pool.settings(), MissingNode.getInstance(), names);
        remove(pool, user, names);
    }

    private void remove(UserPool pool, UserRecord user, List<String> names) {
        Set<String> remove = new HashSet<>(names);
        if (remove.contains("email")) {
            remove.add("email_verified");
        }
        if (remove.contains("phone_number")) {
            remove.add("phone_number_verified");
        }
        PoolUsers.capability(stores.forPool(pool), UserModification.class).updateAttributes(user.sub(), Map.of(),
                remove);
    }

    /**
     * Sends a code that verifies the user's e-mail address (by mail) or phone number (by SMS)
     * (GetUserAttributeVerificationCode).
     */
    @Transactional
    public CodeDelivery sendVerificationCode(String accessToken, String attribute,
                                             Map<String, String> clientMetadata) {
        SignInService.Caller caller = signIns.caller(accessToken);
        return send(caller.pool(), caller.user(), attribute, valueToVerify(caller.user(), attribute),
                new CodeMessage.Origin(CodeMessage.Source.VERIFY_USER_ATTRIBUTE, Optional.of(caller.clientId()),
                        clientMetadata));
    }

    /** Marks the address verified with the code sent to it (VerifyUserAttribute). */
    @Transactional(dontRollbackOn = ServiceException.class)
    public void verify(String accessToken, String attribute, String code) {
        SignInService.Caller caller = signIns.caller(accessToken);
        valueToVerify(caller.user(), attribute);
        // A wrong code still counts against the code: nothing is written before it is accepted.
        codes.verify(caller.user().sub(), VERIFY + attribute, code);
        PoolUsers.capability(stores.forPool(caller.pool()), UserModification.class)
                .updateAttributes(caller.user().sub(), Map.of(attribute + "_verified", "true"), Set.of());
    }

    private CodeDelivery send(UserPool pool, UserRecord user, String attribute, String value,
                              CodeMessage.Origin origin) {
        return "email".equals(attribute)
                ? sender.email(pool, user, value, VERIFY + attribute, VERIFY_CODE_VALIDITY, CodeSender.When.NOW, origin)
                : sender.sms(pool, user, value, VERIFY + attribute, VERIFY_CODE_VALIDITY, CodeSender.When.NOW, origin);
    }

    private static Map<String, String> merged(Map<String, String> attributes, Map<String, String> changes) {
        Map<String, String> merged = new HashMap<>(attributes);
        merged.putAll(changes);
        return merged;
    }

    private static String valueToVerify(UserRecord user, String attribute) {
        if (!VERIFIABLE.contains(attribute)) {
            throw ServiceException.invalidParameter("Only email and phone_number can be verified, not " + attribute
                    + ".");
        }
        return Optional.ofNullable(user.attributes().get(attribute)).orElseThrow(() ->
                ServiceException.invalidParameter("The user has no " + attribute + " attribute to verify."));
    }
}
