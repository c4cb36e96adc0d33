package io.gatehouse.engine.security;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Brings a {@link SealedColumn} to the current data key: clear values (stored before values were sealed) are
 * sealed, values sealed with a previous key are sealed again, the rest is left alone, so running it again changes
 * nothing. Plain JDBC on the schema Flyway made, each row in a transaction of its own that locks it and looks again
 * before writing: two nodes starting (or re-sealing online) at once seal each value once, the second one finding it
 * done, and a server answering calls meanwhile only ever waits for one row.
 */
public final class ColumnSealer {

    /**
     * Rows named per query: a column of many values (a pool per tenant) is walked in slices, so that neither node
     * holds every row's name at once.
     */
    static final int BATCH = 100;
    /**
     * Slices in a row that changed nothing before giving up: their rows were re-sealed by another node meanwhile,
     * or keep being written with another key by a node that does not have the current one yet.
     */
    private static final int IDLE_BATCHES = 3;

    private final DataSource dataSource;
    private final DataKey dataKey;

    public ColumnSealer(DataSource dataSource, DataKey dataKey) {
        this.dataSource = dataSource;
        this.dataKey = dataKey;
    }

    /**
     * Seals what needs it in {@code column}.
     *
     * @return how many rows this call changed
     * @throws SealedValueException when a value looks sealed but does not open (unknown key, altered)
     */
    public int seal(SealedColumn column) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            try {
                int changed = 0;
                int idle = 0;
                List<String[]> batch;
                while (idle < IDLE_BATCHES && !(batch = candidates(connection, column)).isEmpty()) {
                    int before = changed;
                    for (String[] row : batch) {
                        if (sealRow(connection, column, row)) {
                            changed++;
                        }
                    }
                    idle = changed == before ? idle + 1 : 0;
                }
                return changed;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /**
     * How many values of {@code column} are not sealed with the current key: sealed with a previous one, or clear.
     */
    public int remaining(SealedColumn column) throws SQLException {
        return remaining(column.table(), column.column());
    }

    /**
     * How many values of {@code table.column} are not sealed with the current key, for a column whose values are
     * sealed by others than this class (the MFA methods' states), which it can count but not open.
     */
    public int remaining(String table, String column) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM " + table
                     + " WHERE " + notCurrent(column))) {
            count.setString(1, SealedText.prefix(dataKey.keyId()) + "%");
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    /** The condition on a row whose value is not sealed with the current key; its one parameter is the prefix. */
    private static String notCurrent(String column) {
        // The key id is hex, so the prefix holds no LIKE wild card.
        return column + " IS NOT NULL AND " + column + " NOT LIKE ?";
    }

    /**
     * At most {@link #BATCH} rows whose value is not sealed with the current key, by their row columns; read without
     * locks.
     */
    private List<String[]> candidates(Connection connection, SealedColumn column) throws SQLException {
        String sql = "SELECT " + String.join(", ", column.rowColumns()) + " FROM " + column.table()
                + " WHERE " + notCurrent(column.column());
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setMaxRows(BATCH);
            select.setString(1, SealedText.prefix(dataKey.keyId()) + "%");
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    String[] row = new String[column.rowColumns().size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = result.getString(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private boolean sealRow(Connection connection, SealedColumn column, String[] row) throws SQLException {
        String key = row[row.length - 1];
        connection.setAutoCommit(false);
        try {
            String stored;
            try (PreparedStatement lock = connection.prepareStatement("SELECT " + column.column() + " FROM "
                    + column.table() + " WHERE " + column.primaryKey() + " = ? FOR UPDATE")) {
                lock.setString(1, key);
                try (ResultSet result = lock.executeQuery()) {
                    stored = result.next() ? result.getString(1) : null;
                }
            }
            if (stored == null || dataKey.sealedWithCurrentKey(stored)) {
                connection.commit();
                return false;
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + column.table() + " SET "
                    + column.column() + " = ? WHERE " + column.primaryKey() + " = ?")) {
                update.setString(1, dataKey.reseal(stored, column.context(row)));
                update.setString(2, key);
                update.executeUpdate();
            }
            connection.commit();
            return true;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }
}
