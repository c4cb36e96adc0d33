package io.gatehouse.engine.security;

import java.util.List;

/**
 * A database column whose values are sealed with the data key, and how a value is bound to its row: the context
 * (AES-GCM associated data) is the column's name and the values of {@code rowColumns}, so a sealed value copied to
 * another row, another pool or another column does not open.
 *
 * @param table      the table
 * @param column     the sealed column (null in rows that have no secret)
 * @param rowColumns the columns that name the row, the primary key last
 */
public record SealedColumn(String table, String column, List<String> rowColumns) {

    /** A pool's signing key pair, a private JWK. */
    public static final SealedColumn SIGNING_KEY =
            new SealedColumn("signing_key", "private_jwk", List.of("owner", "kid"));
    /** An app client's secret, which DescribeUserPoolClient returns and SECRET_HASH checks need in full. */
    public static final SealedColumn CLIENT_SECRET =
            new SealedColumn("user_pool_client", "client_secret", List.of("user_pool_id", "client_id"));
    /**
     * An app client's other secret while its secrets are being rotated (AddUserPoolClientSecret): both are valid
     * until one is deleted.
     */
    public static final SealedColumn SECOND_CLIENT_SECRET =
            new SealedColumn("user_pool_client", "second_client_secret", List.of("user_pool_id", "client_id"));
    /** A stored admin credential's SigV4 secret, which signature checks need in full. */
    public static final SealedColumn ADMIN_SECRET =
            new SealedColumn("admin_credential", "secret_access_key", List.of("access_key_id"));
    /** A pool's private key towards SAML IdPs, PKCS#8 in base64. */
    public static final SealedColumn LOCAL_PARTY_KEY =
            new SealedColumn("local_party_key", "private_key", List.of("user_pool_id", "key_id"));
    /**
     * A user import job's upload token, the token of the PreSignedUrl that takes its CSV: sealed, not hashed, since
     * DescribeUserImportJob shows the URL again.
     */
    public static final SealedColumn UPLOAD_TOKEN =
            new SealedColumn("user_import_job", "upload_token", List.of("user_pool_id", "job_id"));
    /**
     * A known text sealed when the database was first used ({@link DataKeyCheck}): re-sealed like the others, so it
     * always names a key the cluster's nodes have.
     */
    public static final SealedColumn DATA_KEY_PROBE = new SealedColumn("data_key_check", "probe", List.of("name"));
    /** Every sealed column of the engine's schema. */
    public static final List<SealedColumn> ALL = List.of(SIGNING_KEY, CLIENT_SECRET, SECOND_CLIENT_SECRET, ADMIN_SECRET,
            LOCAL_PARTY_KEY, UPLOAD_TOKEN, DATA_KEY_PROBE);

    private static final char SEPARATOR = '\u0000';

    public SealedColumn {
        rowColumns = List.copyOf(rowColumns);
        if (rowColumns.isEmpty()) {
            throw new IllegalArgumentException("a sealed column needs the columns that name its row");
        }
    }

    /** The context of this column's value in the row named by {@code row} (the values of {@link #rowColumns}). */
    public String context(String... row) {
        if (row.length != rowColumns.size()) {
            throw new IllegalArgumentException(name() + " rows are named by " + rowColumns);
        }
        StringBuilder context = new StringBuilder(name());
        for (String value : row) {
            context.append(SEPARATOR).append(value);
        }
        return context.toString();
    }

    /** {@code table.column}. */
    public String name() {
        return table + "." + column;
    }

    /** The row's primary key column. */
    public String primaryKey() {
        return rowColumns.get(rowColumns.size() - 1);
    }

    /** A context as words for a message: {@code signing_key.private_jwk of us-east-1_abc/kid}. */
    static String describe(String context) {
        int first = context.indexOf(SEPARATOR);
        return first < 0 ? context
                : context.substring(0, first) + " of " + context.substring(first + 1).replace(SEPARATOR, '/');
    }
}
