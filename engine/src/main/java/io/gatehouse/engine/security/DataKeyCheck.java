package io.gatehouse.engine.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Refuses a node whose data key is not the cluster's. Every node of a cluster must have the same data key: a value
 * one node seals, another must open. A node left to generate its own key file, or given another GATEHOUSE_DATA_KEY,
 * would start, seal a new pool's signing keys that no other node opens, and fail requests there. So the database
 * keeps a known text sealed with the key of the node that first used it ({@link SealedColumn#DATA_KEY_PROBE}), and a
 * node that cannot open it stops at start, before it seals anything, with a message that says what to set. The
 * probe is re-sealed with the others, so after a rotation it names the new key.
 */
public final class DataKeyCheck {

    static final String ROW = "cluster";
    private static final String PLAIN = "gatehouse data key check";

    private DataKeyCheck() {
    }

    /**
     * Before sealing: the stored probe, if any, must open with this node's keys.
     *
     * @throws DataKeyMismatchException when it does not
     */
    public static void verify(DataSource dataSource, DataKey dataKey) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            stored(connection).ifPresent(probe -> requireOpens(probe, dataKey));
        }
    }

    /**
     * After sealing: stores the probe sealed with this node's key if the database has none yet, then checks the one
     * stored, which is another node's when two first start together.
     *
     * @throws DataKeyMismatchException when the stored probe does not open
     */
    public static void record(DataSource dataSource, DataKey dataKey) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (stored(connection).isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO data_key_check (name, probe) VALUES (?, ?)")) {
                    insert.setString(1, ROW);
                    insert.setString(2, dataKey.sealText(PLAIN, SealedColumn.DATA_KEY_PROBE.context(ROW)));
                    insert.executeUpdate();
                } catch (SQLException e) {
                    // Class 23, an integrity constraint: another node stored its probe first; the check below reads
                    // that one. (The connection commits each statement, so the failed INSERT leaves nothing behind.)
                    if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                        throw e;
                    }
                }
            }
            requireOpens(stored(connection).orElseThrow(), dataKey);
        }
    }

    private static Optional<String> stored(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT probe FROM data_key_check WHERE name = ?")) {
            select.setString(1, ROW);
            try (ResultSet result = select.executeQuery()) {
                return result.next() ? Optional.of(result.getString(1)) : Optional.empty();
            }
        }
    }

    private static void requireOpens(String probe, DataKey dataKey) {
        String sealedWith = SealedText.parse(probe).map(SealedText::keyId).orElse("unknown");
        try {
            if (PLAIN.equals(dataKey.openText(probe, SealedColumn.DATA_KEY_PROBE.context(ROW)))) {
                return;
            }
        } catch (SealedValueException e) {
            // Reported below, with what to do.
        }
        throw new DataKeyMismatchException("This node's data key (id " + dataKey.keyId() + ", with "
                + dataKey.previousKeyCount() + " previous key(s)) is not the one this database's secrets are sealed"
                + " with (id " + sealedWith + "). Every node of a cluster needs the same data key: give each node the"
                + " same GATEHOUSE_DATA_KEY (base64 of 32 bytes; a key generated on a node's first start is in the"
                + " file data-key of its server directory), and while rotating it, the old key in"
                + " GATEHOUSE_DATA_KEY_PREVIOUS. The node does not start.");
    }

    /** A node's data key does not open the database's secrets. */
    public static final class DataKeyMismatchException extends IllegalStateException {
        DataKeyMismatchException(String message) {
            super(message);
        }
    }
}
