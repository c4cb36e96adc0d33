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
 * before writing: two nodes starting at once seal each value once, the second one finding it done.
 */
public final class ColumnSealer {

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
                for (String[] row : candidates(connection, column)) {
                    if (sealRow(connection, column, row)) {
                        changed++;
                    }
                }
                return changed;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** The rows whose value is not sealed with the current key, by their row columns; read without locks. */
    private List<String[]> candidates(Connection connection, SealedColumn column) throws SQLException {
        // The key id is hex, so the prefix holds no LIKE wild card.
        String sql = "SELECT " + String.join(", ", column.rowColumns()) + " FROM " + column.table()
                + " WHERE " + column.column() + " IS NOT NULL AND " + column.column() + " NOT LIKE ?";
        List<String[]> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
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
