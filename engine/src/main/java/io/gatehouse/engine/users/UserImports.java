package io.gatehouse.engine.users;

import io.gatehouse.api.userstore.NewUser;
import io.gatehouse.api.userstore.UserRegistration;
import io.gatehouse.api.userstore.UserStatus;
import io.gatehouse.api.userstore.UserStore;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.userpool.UserPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row of a user import (CreateUserImportJob's CSV) becomes one user, as Cognito imports them: without a
 * password, in RESET_REQUIRED, so their first sign-in sends them through ForgotPassword to the verified e-mail
 * address or phone number the row must carry.
 */
@ApplicationScoped
public class UserImports {

    static final String USERNAME = "cognito:username";
    static final String MFA = "cognito:mfa_enabled";

    /** What became of a row. */
    public enum Outcome { IMPORTED, SKIPPED }

    @Inject
    UserStores stores;

    /** The columns of the pool's import CSV (GetCSVHeader): its schema's attributes but sub, then Cognito's two. */
    public static List<String> csvHeader(UserPool pool) {
        List<String> header = new ArrayList<>();
        pool.settings().path("SchemaAttributes").forEach(a -> {
            String name = a.path("Name").asText();
            if (!"sub".equals(name) && !name.startsWith("dev:")) {
                header.add(name);
            }
        });
        header.add(MFA);
        header.add(USERNAME);
        return header;
    }

    /**
     * Imports one row in a transaction of its own, so a bad row writes nothing and stops nothing.
     *
     * @param columns header name to value; empty values mean "not set"
     * @return IMPORTED, or SKIPPED when the user name is taken
     * @throws ServiceException why the row was refused
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome importRow(UserPool pool, Map<String, String> columns) {
        String username = columns.getOrDefault(USERNAME, "").trim();
        if (username.isEmpty()) {
            throw ServiceException.invalidParameter(USERNAME + " is empty.");
        }
        String mfa = columns.getOrDefault(MFA, "");
        if (!mfa.isEmpty() && !"false".equalsIgnoreCase(mfa)) {
            throw ServiceException.invalidParameter(MFA + " must be false: MFA is not available for imported "
                    + "users yet.");
        }
        Map<String, String> attributes = new HashMap<>();
        columns.forEach((name, value) -> {
            if (!name.startsWith("cognito:") && value != null && !value.isEmpty()) {
                attributes.put(name, value);
            }
        });
        boolean verifiedEmail = "true".equals(attributes.get("email_verified")) && attributes.containsKey("email");
        boolean verifiedPhone = "true".equals(attributes.get("phone_number_verified"))
                && attributes.containsKey("phone_number");
        if (!verifiedEmail && !verifiedPhone) {
            throw ServiceException.invalidParameter("An imported user needs a verified email or phone_number "
                    + "(email_verified or phone_number_verified true) to reset their password.");
        }
        String storedUsername = PoolUsers.storedUsername(pool.settings(), username, attributes);
        AttributeRules.checkAdminCreate(pool.settings(), attributes);
        UserStore store = stores.forPool(pool);
        if (PoolUsers.find(pool, store, username).isPresent()) {
            return Outcome.SKIPPED;
        }
        try {
            PoolUsers.capability(store, UserRegistration.class).create(new NewUser(storedUsername, Optional.empty(),
                    UserStatus.RESET_REQUIRED, attributes));
        } catch (UserRegistration.UserExistsException e) {
            return Outcome.SKIPPED;
        }
        return Outcome.IMPORTED;
    }
}
