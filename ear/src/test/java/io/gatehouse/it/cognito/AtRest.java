package io.gatehouse.it.cognito;

import io.gatehouse.it.Gatehouse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * What a copy of the test server's database shows, for the tests that check a secret is not stored in clear. On
 * PostgreSQL a row is read with a second connection; the embedded database takes no second reader while the server
 * holds it, so there its file's bytes are read, which is what a stolen copy would be.
 */
final class AtRest {

    private AtRest() {
    }

    /** The first column of the row {@code sql} selects with its one parameter {@code key}, on PostgreSQL. */
    static String column(String sql, String key) throws Exception {
        try (Connection db = Gatehouse.database();
             PreparedStatement s = db.prepareStatement(sql)) {
            s.setString(1, key);
            try (ResultSet row = s.executeQuery()) {
                if (!row.next()) {
                    throw new AssertionError("no row for " + key);
                }
                return row.getString(1);
            }
        }
    }

    /**
     * The embedded database's file as text (ISO-8859-1: a byte a char, so ASCII is found as it is), once it holds
     * every one of {@code present} (clear columns of the rows, which reach the file a moment after their commit).
     */
    static String fileHolding(String... present) throws Exception {
        Path file = Gatehouse.serverDir().resolve("database/gatehouse.mv.db");
        String content = "";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            String read = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            content = read;
            if (Arrays.stream(present).allMatch(read::contains)) {
                return content;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the database file does not hold " + Arrays.toString(present));
    }
}
