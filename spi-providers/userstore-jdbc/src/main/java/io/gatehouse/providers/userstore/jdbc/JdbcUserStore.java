package io.gatehouse.providers.userstore.jdbc;

import io.gatehouse.api.userstore.CredentialValidator;
import io.gatehouse.api.userstore.NewUser;
import io.gatehouse.api.userstore.PasswordCredential;
import io.gatehouse.api.userstore.SrpVerifierStore;
import io.gatehouse.api.userstore.TransferredUser;
import io.gatehouse.api.userstore.UserFilter;
import io.gatehouse.api.userstore.UserLookup;
import io.gatehouse.api.userstore.UserModification;
import io.gatehouse.api.userstore.UserPage;
import io.gatehouse.api.userstore.UserQuery;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.api.userstore.UserRegistration;
import io.gatehouse.api.userstore.UserStatus;
import io.gatehouse.api.userstore.UserStore;
import io.gatehouse.api.userstore.UserStoreContext;
import io.gatehouse.api.userstore.UserTransfer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One pool's users in the tables {@code pool_user} and {@code pool_user_attribute}. Every statement is scoped to
 * the pool, and runs on a connection of the caller's transaction: nothing here commits.
 */
final class JdbcUserStore implements UserStore, UserLookup, CredentialValidator, UserQuery, UserRegistration,
        UserModification, UserTransfer, SrpVerifierStore {

    private static final String COLUMNS = "sub, username, status, enabled, created_at, modified_at";
    /** Aliases that count only once verified: the attribute and its verification flag. */
    private static final Map<String, String> VERIFIED_BY = Map.of("email", "email_verified",
            "phone_number", "phone_number_verified");
    private static final String UNIQUE_VIOLATION = "23505";

    /** How many subs one IN list of {@link #passwordHashes} carries. */
    private static final int IN_LIST = 500;

    private final UserStoreContext context;
    private final String pool;
    private final PasswordHashes hasher;

    JdbcUserStore(UserStoreContext context, PasswordHashes hasher) {
        this.context = context;
        this.pool = context.userPoolId().orElseThrow(() ->
                new IllegalArgumentException("the jdbc user store serves one user pool; the context names none"));
        this.hasher = hasher;
    }

    // --- lookup

    @Override
    public Optional<UserRecord> findBySub(String sub) {
        return single("SELECT " + COLUMNS + " FROM pool_user WHERE user_pool_id = ? AND sub = ?", pool, sub);
    }

    @Override
    public Optional<UserRecord> findByUsername(String username) {
        return single("SELECT " + COLUMNS + " FROM pool_user WHERE user_pool_id = ? AND username_key = ?", pool,
                usernameKey(username));
    }

    @Override
    public Optional<UserRecord> findByAlias(String attribute, String value) {
        String verifiedBy = VERIFIED_BY.get(attribute);
        String sql = "SELECT u.sub, u.username, u.status, u.enabled, u.created_at, u.modified_at FROM pool_user u"
                + " JOIN pool_user_attribute a ON a.sub = u.sub"
                + (verifiedBy == null ? "" : " JOIN pool_user_attribute v ON v.sub = u.sub AND v.name = '"
                + verifiedBy + "' AND v.value_text = 'true'")
                + " WHERE a.user_pool_id = ? AND a.name = ? AND a.value_key = ? ORDER BY u.created_at";
        return single(sql, pool, attribute, value.toLowerCase(Locale.ROOT));
    }

    // --- credentials

    @Override
    public Outcome validate(UserRecord user, PasswordCredential credential) {
        Optional<String> stored = query("SELECT password_hash FROM pool_user WHERE user_pool_id = ? AND sub = ?",
                rs -> rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty(), pool, user.sub());
        if (stored.isEmpty()) {
            return Outcome.NOT_APPLICABLE;
        }
        if (!hasher.verify(stored.get(), credential.password())) {
            return Outcome.INVALID;
        }
        if (hasher.needsRehash(stored.get())) {
            // Parameters were raised since this hash was made (or it was imported); the clear password is at hand
            // only now. The password is the same, so its SRP verifier stays.
            update("UPDATE pool_user SET password_hash = ? WHERE user_pool_id = ? AND sub = ?",
                    hasher.hash(credential.password()), pool, user.sub());
        }
        return Outcome.VALID;
    }

    @Override
    public void simulate(PasswordCredential credential) {
        hasher.spendCheck(credential.password());
    }

    // --- registration

    @Override
    public UserRecord create(NewUser user) throws UserExistsException {
        return insert(UUID.randomUUID().toString(), user.username(), user.status(), true,
                user.password().map(p -> hasher.hash(p.password())).orElse(null), user.attributes());
    }

    private UserRecord insert(String sub, String username, UserStatus status, boolean enabled, String passwordHash,
                              Map<String, String> attributes) throws UserExistsException {
        long now = context.clock().millis();
        try (Connection c = context.dataSource().getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO pool_user (sub, user_pool_id, username,"
                    + " username_key, status, enabled, password_hash, created_at, modified_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, sub);
                insert.setString(2, pool);
                insert.setString(3, username);
                insert.setString(4, usernameKey(username));
                insert.setString(5, status.name());
                insert.setBoolean(6, enabled);
                insert.setString(7, passwordHash);
                insert.setLong(8, now);
                insert.setLong(9, now);
                insert.executeUpdate();
            } catch (SQLException e) {
                if (isUniqueViolation(e)) {
                    throw new UserExistsException("username");
                }
                throw e;
            }
            setAttributes(c, sub, attributes);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a user in pool " + pool, e);
        }
        return findBySub(sub).orElseThrow();
    }

    @Override
    public boolean delete(String sub) {
        return update("DELETE FROM pool_user WHERE user_pool_id = ? AND sub = ?", pool, sub);
    }

    // --- transfer

    @Override
    public UserRecord importUser(TransferredUser user) throws UserExistsException {
        String hash = user.passwordHash().map(PasswordHashes::importable).orElse(null);
        if (user.sub().isPresent() && query("SELECT 1 FROM pool_user WHERE sub = ?", ResultSet::next,
                user.sub().get())) {
            // Subs are unique across the server, not only the pool: the attribute table hangs off them.
            throw new UserExistsException("sub");
        }
        return insert(user.sub().orElseGet(() -> UUID.randomUUID().toString()), user.username(), user.status(),
                user.enabled(), hash, user.attributes());
    }

    @Override
    public Map<String, String> passwordHashes(Collection<String> subs) {
        Map<String, String> hashes = new HashMap<>();
        List<String> all = List.copyOf(subs);
        for (int from = 0; from < all.size(); from += IN_LIST) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_LIST));
            Object[] parameters = new Object[chunk.size() + 1];
            parameters[0] = pool;
            for (int i = 0; i < chunk.size(); i++) {
                parameters[i + 1] = chunk.get(i);
            }
            query("SELECT sub, password_hash FROM pool_user WHERE user_pool_id = ? AND password_hash IS NOT NULL"
                    + " AND sub IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
                    rs -> {
                        while (rs.next()) {
                            hashes.put(rs.getString(1), rs.getString(2));
                        }
                        return null;
                    }, parameters);
        }
        return hashes;
    }

    // --- SRP verifiers

    @Override
    public boolean setSrpVerifier(String sub, byte[] verifier) {
        if (verifier.length > 1024 * 3 / 4) {
            throw new IllegalArgumentException("an SRP verifier of " + verifier.length + " bytes is too long");
        }
        return update("UPDATE pool_user SET srp_verifier = ? WHERE user_pool_id = ? AND sub = ?",
                Base64.getEncoder().encodeToString(verifier), pool, sub);
    }

    @Override
    public Optional<byte[]> srpVerifier(String sub) {
        return query("SELECT srp_verifier FROM pool_user WHERE user_pool_id = ? AND sub = ?",
                rs -> rs.next() ? Optional.ofNullable(rs.getString(1)).map(Base64.getDecoder()::decode)
                        : Optional.<byte[]>empty(), pool, sub);
    }

    @Override
    public void deleteSrpVerifiers() {
        update("UPDATE pool_user SET srp_verifier = NULL WHERE user_pool_id = ? AND srp_verifier IS NOT NULL", pool);
    }

    // --- modification

    @Override
    public boolean updateStatus(String sub, UserStatus status) {
        return update("UPDATE pool_user SET status = ?, modified_at = ? WHERE user_pool_id = ? AND sub = ?",
                status.name(), context.clock().millis(), pool, sub);
    }

    @Override
    public boolean updateEnabled(String sub, boolean enabled) {
        return update("UPDATE pool_user SET enabled = ?, modified_at = ? WHERE user_pool_id = ? AND sub = ?",
                enabled, context.clock().millis(), pool, sub);
    }

    @Override
    public boolean updatePassword(String sub, PasswordCredential password) {
        return update("UPDATE pool_user SET password_hash = ?, srp_verifier = NULL, modified_at = ?"
                + " WHERE user_pool_id = ? AND sub = ?", hasher.hash(password.password()), context.clock().millis(),
                pool, sub);
    }

    @Override
    public boolean updateAttributes(String sub, Map<String, String> set, Set<String> remove) {
        if (!update("UPDATE pool_user SET modified_at = ? WHERE user_pool_id = ? AND sub = ?",
                context.clock().millis(), pool, sub)) {
            return false;
        }
        try (Connection c = context.dataSource().getConnection()) {
            List<String> names = new ArrayList<>(remove);
            names.addAll(set.keySet());
            try (PreparedStatement delete = c.prepareStatement(
                    "DELETE FROM pool_user_attribute WHERE sub = ? AND name = ?")) {
                for (String name : names) {
                    delete.setString(1, sub);
                    delete.setString(2, name);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            setAttributes(c, sub, set);
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update the attributes of a user in pool " + pool, e);
        }
    }

    // --- query

    @Override
    public UserPage query(Optional<UserFilter> filter, int limit, Optional<String> cursor) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + ", username_key FROM pool_user u WHERE"
                + " u.user_pool_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(pool));
        filter.ifPresent(f -> condition(f, sql, parameters));
        cursor.ifPresent(c -> {
            sql.append(" AND u.username_key > ?");
            parameters.add(decodeCursor(c));
        });
        sql.append(" ORDER BY u.username_key LIMIT ").append(limit + 1);
        List<UserRecord> users = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        query(sql.toString(), rs -> {
            while (rs.next()) {
                users.add(read(rs));
                keys.add(rs.getString("username_key"));
            }
            return null;
        }, parameters.toArray());
        boolean more = users.size() > limit;
        List<UserRecord> page = withAttributes(users.subList(0, Math.min(users.size(), limit)));
        return new UserPage(page, more ? Optional.of(encodeCursor(keys.get(limit - 1))) : Optional.empty());
    }

    @Override
    public long estimatedCount() {
        return query("SELECT count(*) FROM pool_user WHERE user_pool_id = ?", rs -> rs.next() ? rs.getLong(1) : 0L,
                pool);
    }

    private void condition(UserFilter filter, StringBuilder sql, List<Object> parameters) {
        boolean prefix = filter.match() == UserFilter.Match.STARTS_WITH;
        String comparison = prefix ? " LIKE ? ESCAPE '!'" : " = ?";
        Object value = prefix ? likePrefix(filter.value()) : filter.value();
        switch (filter.attribute()) {
            case "username" -> {
                sql.append(" AND u.username_key").append(comparison);
                parameters.add(prefix ? likePrefix(usernameKey(filter.value())) : usernameKey(filter.value()));
            }
            case "sub" -> {
                sql.append(" AND u.sub").append(comparison);
                parameters.add(value);
            }
            case "cognito:user_status" -> {
                sql.append(" AND u.status").append(comparison);
                parameters.add(prefix ? likePrefix(filter.value().toUpperCase(Locale.ROOT))
                        : filter.value().toUpperCase(Locale.ROOT));
            }
            case "status" -> {
                if (prefix || !Set.of("Enabled", "Disabled").contains(filter.value())) {
                    throw new IllegalArgumentException("status filters are status = \"Enabled\" or \"Disabled\"");
                }
                sql.append(" AND u.enabled = ?");
                parameters.add("Enabled".equals(filter.value()));
            }
            default -> {
                // Found through the attribute index (pool, name, lower-cased value), then compared exactly: a
                // scan of the pool's users in name order, probing each, took seconds on a million users.
                // A prefix is also given as a key range, which any B-tree can scan: LIKE uses the index only
                // under the C collation on PostgreSQL.
                String key = filter.value().toLowerCase(Locale.ROOT);
                sql.append(" AND u.sub IN (SELECT a.sub FROM pool_user_attribute a WHERE a.user_pool_id = ?"
                        + " AND a.name = ?").append(prefix ? " AND a.value_key >= ? AND a.value_key < ?"
                        : " AND a.value_key = ?").append(" AND a.value_text").append(comparison).append(")");
                parameters.add(pool);
                parameters.add(filter.attribute());
                parameters.add(key);
                if (prefix) {
                    parameters.add(key + Character.toString(Character.MAX_CODE_POINT));
                }
                parameters.add(value);
            }
        }
    }

    // --- plumbing

    private String usernameKey(String username) {
        return context.caseSensitiveUsernames() ? username : username.toLowerCase(Locale.ROOT);
    }

    private static String likePrefix(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private static String encodeCursor(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a cursor of this store: " + cursor);
        }
    }

    private void setAttributes(Connection c, String sub, Map<String, String> attributes) throws SQLException {
        if (attributes.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO pool_user_attribute (sub, user_pool_id,"
                + " name, value_text, value_key) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<String, String> attribute : attributes.entrySet()) {
                insert.setString(1, sub);
                insert.setString(2, pool);
                insert.setString(3, attribute.getKey());
                insert.setString(4, attribute.getValue());
                insert.setString(5, attribute.getValue().toLowerCase(Locale.ROOT));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * The first user {@code sql} selects ({@link #COLUMNS} of pool_user), with their attributes, in one statement
     * rather than two: every step of a sign-in looks a user up this way.
     */
    private Optional<UserRecord> single(String sql, Object... parameters) {
        return query("SELECT u.sub, u.username, u.status, u.enabled, u.created_at, u.modified_at, a.name, a.value_text"
                + " FROM (" + sql + " LIMIT 1) u LEFT JOIN pool_user_attribute a ON a.sub = u.sub", rs -> {
            UserRecord user = null;
            Map<String, String> attributes = new HashMap<>();
            while (rs.next()) {
                user = user == null ? read(rs) : user;
                String name = rs.getString("name");
                if (name != null) {
                    attributes.put(name, rs.getString("value_text"));
                }
            }
            return Optional.ofNullable(user).map(u -> new UserRecord(u.sub(), u.username(), u.status(), u.enabled(),
                    attributes, u.created(), u.lastModified()));
        }, parameters);
    }

    /** The users with their attributes, read in one query rather than one per user. */
    private List<UserRecord> withAttributes(List<UserRecord> users) {
        if (users.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, String>> bySub = new HashMap<>();
        users.forEach(u -> bySub.put(u.sub(), new HashMap<>()));
        String placeholders = String.join(", ", Collections.nCopies(users.size(), "?"));
        query("SELECT sub, name, value_text FROM pool_user_attribute WHERE sub IN (" + placeholders + ")", rs -> {
            while (rs.next()) {
                bySub.get(rs.getString(1)).put(rs.getString(2), rs.getString(3));
            }
            return null;
        }, users.stream().map(UserRecord::sub).toArray());
        return users.stream().map(u -> new UserRecord(u.sub(), u.username(), u.status(), u.enabled(),
                bySub.get(u.sub()), u.created(), u.lastModified())).toList();
    }

    private static UserRecord read(ResultSet rs) throws SQLException {
        return new UserRecord(rs.getString("sub"), rs.getString("username"),
                UserStatus.valueOf(rs.getString("status")), rs.getBoolean("enabled"), Map.of(),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("modified_at")));
    }

    @FunctionalInterface
    private interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T query(String sql, Rows<T> rows, Object... parameters) {
        try (Connection c = context.dataSource().getConnection();
             PreparedStatement statement = bind(c.prepareStatement(sql), parameters);
             ResultSet rs = statement.executeQuery()) {
            return rows.read(rs);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read users of pool " + pool, e);
        }
    }

    private boolean update(String sql, Object... parameters) {
        try (Connection c = context.dataSource().getConnection();
             PreparedStatement statement = bind(c.prepareStatement(sql), parameters)) {
            return statement.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change users of pool " + pool, e);
        }
    }

    private static PreparedStatement bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static boolean isUniqueViolation(SQLException e) {
        return e instanceof SQLIntegrityConstraintViolationException || UNIQUE_VIOLATION.equals(e.getSQLState());
    }
}
