package io.gatehouse.engine.users;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.api.userstore.NewUser;
import io.gatehouse.api.userstore.TransferredUser;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.api.userstore.UserRegistration;
import io.gatehouse.api.userstore.UserStatus;
import io.gatehouse.api.userstore.UserStore;
import io.gatehouse.api.userstore.UserTransfer;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.groups.Groups;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.userpool.UserPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One row of a user import (CreateUserImportJob's CSV) becomes one user.
 *
 * <p>A Cognito row imports as Cognito imports it: without a password, in RESET_REQUIRED, so the user's first
 * sign-in sends them through ForgotPassword to the verified e-mail address or phone number the row must carry.
 *
 * <p>A transfer row (the header has Gatehouse's own columns, as {@code UserExport} writes them) may also carry
 * the user's password hash from the system they leave, their sub, status, enabled flag and groups: they keep
 * their password, and the store replaces the hash with its own at their first sign-in.
 */
@ApplicationScoped
public class UserImports {

    static final String USERNAME = "cognito:username";
    static final String MFA = "cognito:mfa_enabled";
    public static final String SUB = "gatehouse:sub";
    public static final String STATUS = "gatehouse:user_status";
    public static final String ENABLED = "gatehouse:enabled";
    public static final String GROUPS = "gatehouse:groups";
    public static final String PASSWORD_HASH = "gatehouse:password_hash";
    /** Gatehouse's columns, after Cognito's, in the order exports write them. */
    public static final List<String> TRANSFER_COLUMNS = List.of(SUB, STATUS, ENABLED, GROUPS, PASSWORD_HASH);

    private static final Pattern UUID_FORM = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** What a user with a password hash may start as; without one, only RESET_REQUIRED makes sense. */
    private static final Set<UserStatus> WITH_PASSWORD = EnumSet.of(UserStatus.CONFIRMED,
            UserStatus.FORCE_CHANGE_PASSWORD, UserStatus.UNCONFIRMED, UserStatus.RESET_REQUIRED);

    /** What became of a row. */
    public enum Outcome { IMPORTED, SKIPPED }

    @Inject
    UserStores stores;

    @Inject
    Groups groups;

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

    /** Cognito's columns and Gatehouse's: what an export writes and a transfer import reads. */
    public static List<String> transferHeader(UserPool pool) {
        List<String> header = csvHeader(pool);
        header.addAll(TRANSFER_COLUMNS);
        return header;
    }

    /**
     * Imports one row in a transaction of its own, so a bad row writes nothing and stops nothing.
     *
     * @param columns  header name to value; empty values mean "not set"
     * @param transfer whether the file is a transfer (its header has Gatehouse's columns): then
     *                 {@code cognito:username} is the stored user name as it was exported, kept as it is
     * @return IMPORTED, or SKIPPED when the user name is taken
     * @throws ServiceException why the row was refused
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome importRow(UserPool pool, Map<String, String> columns, boolean transfer) {
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
            if (!name.startsWith("cognito:") && !name.startsWith("gatehouse:") && value != null && !value.isEmpty()) {
                attributes.put(name, value);
            }
        });
        Optional<String> hash = value(columns, PASSWORD_HASH);
        UserStatus status = status(columns, hash.isPresent());
        if (status == UserStatus.RESET_REQUIRED && !hasVerifiedContact(attributes)) {
            throw ServiceException.invalidParameter("An imported user needs a verified email or phone_number "
                    + "(email_verified or phone_number_verified true) to reset their password.");
        }
        String storedUsername = transfer ? username : PoolUsers.storedUsername(pool.settings(), username, attributes);
        AttributeRules.checkAdminCreate(pool.settings(), attributes);
        List<String> groupNames = groupNames(pool, columns);
        UserStore store = stores.forPool(pool);
        if (PoolUsers.find(pool, store, username).isPresent()) {
            return Outcome.SKIPPED;
        }
        UserRecord user;
        try {
            if (transfer) {
                user = PoolUsers.capability(store, UserTransfer.class).importUser(new TransferredUser(
                        value(columns, SUB).map(UserImports::sub), storedUsername, hash, status,
                        enabled(columns), attributes));
            } else {
                user = PoolUsers.capability(store, UserRegistration.class).create(new NewUser(storedUsername,
                        Optional.empty(), status, attributes));
            }
        } catch (UserRegistration.UserExistsException e) {
            if ("sub".equals(e.attribute())) {
                throw ServiceException.invalidParameter(SUB + " belongs to another user on this server.");
            }
            return Outcome.SKIPPED;
        } catch (IllegalArgumentException e) {
            // The store's reason names the scheme or the parameter, never the hash itself.
            throw ServiceException.invalidParameter(PASSWORD_HASH + ": " + e.getMessage() + ".");
        }
        groupNames.forEach(group -> groups.addMember(pool.id(), group, user.sub()));
        return Outcome.IMPORTED;
    }

    private static boolean hasVerifiedContact(Map<String, String> attributes) {
        return "true".equals(attributes.get("email_verified")) && attributes.containsKey("email")
                || "true".equals(attributes.get("phone_number_verified")) && attributes.containsKey("phone_number");
    }

    private static UserStatus status(Map<String, String> columns, boolean hasHash) {
        Optional<String> named = value(columns, STATUS);
        if (named.isEmpty()) {
            return hasHash ? UserStatus.CONFIRMED : UserStatus.RESET_REQUIRED;
        }
        UserStatus status;
        try {
            status = UserStatus.valueOf(named.get());
        } catch (IllegalArgumentException e) {
            throw ServiceException.invalidParameter(STATUS + " must be one of " + WITH_PASSWORD + ".");
        }
        if (!WITH_PASSWORD.contains(status)) {
            throw ServiceException.invalidParameter(STATUS + " must be one of " + WITH_PASSWORD + ".");
        }
        if (!hasHash && status != UserStatus.RESET_REQUIRED) {
            throw ServiceException.invalidParameter(STATUS + " " + status + " needs a " + PASSWORD_HASH + ".");
        }
        return status;
    }

    private static boolean enabled(Map<String, String> columns) {
        String enabled = value(columns, ENABLED).orElse("true");
        if (!enabled.equals("true") && !enabled.equals("false")) {
            throw ServiceException.invalidParameter(ENABLED + " must be true or false.");
        }
        return Boolean.parseBoolean(enabled);
    }

    private static String sub(String sub) {
        if (!UUID_FORM.matcher(sub).matches()) {
            throw ServiceException.invalidParameter(SUB + " must be a lower-case UUID.");
        }
        return sub;
    }

    /** The groups a transfer row names (a JSON array of names), each of which the pool must have. */
    private List<String> groupNames(UserPool pool, Map<String, String> columns) {
        Optional<String> text = value(columns, GROUPS);
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try {
            JsonNode array = Json.MAPPER.readTree(text.get());
            if (array == null || !array.isArray()) {
                throw ServiceException.invalidParameter(GROUPS + " must be a JSON array of group names.");
            }
            for (JsonNode name : array) {
                if (!name.isTextual()) {
                    throw ServiceException.invalidParameter(GROUPS + " must be a JSON array of group names.");
                }
                names.add(name.asText());
            }
        } catch (JsonProcessingException e) {
            throw ServiceException.invalidParameter(GROUPS + " must be a JSON array of group names.");
        }
        for (String name : names) {
            if (!groups.exists(pool.id(), name)) {
                throw ServiceException.invalidParameter(GROUPS + " names " + name + ", which the pool does not have:"
                        + " create the groups before importing.");
            }
        }
        return names;
    }

    private static Optional<String> value(Map<String, String> columns, String name) {
        String value = columns.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
