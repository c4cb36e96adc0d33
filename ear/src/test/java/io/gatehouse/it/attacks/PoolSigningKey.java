package io.gatehouse.it.attacks;

import com.nimbusds.jose.jwk.RSAKey;
import io.gatehouse.it.Gatehouse;
import io.gatehouse.it.support.ServerDataKey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;

/**
 * A pool's private signing key, read from the test server's database and opened with its data key: what an attacker
 * holding both would have. The corpus signs with it the tokens whose claims, not whose signature, are wrong, so that
 * each claim check is tried on its own. On PostgreSQL the table is read directly; the embedded H2 database is held
 * open by the server, so a copy of its file is read (the key was written well before; the copy is retried until it
 * holds it).
 */
public final class PoolSigningKey {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private PoolSigningKey() {
    }

    /** The private key {@code kid} of whichever pool it belongs to. */
    public static RSAKey of(String kid) throws Exception {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            RSAKey key = read(kid);
            if (key != null) {
                return key;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the signing key " + kid + " is not in the server's database");
            }
            Thread.sleep(1000);
        }
    }

    private static RSAKey read(String kid) throws Exception {
        if (Gatehouse.onPostgres()) {
            try (Connection c = Gatehouse.database()) {
                return read(c, kid);
            }
        }
        Path copy = Files.createTempDirectory("gatehouse-db-copy");
        Files.copy(Gatehouse.serverDir().resolve("database/gatehouse.mv.db"), copy.resolve("gatehouse.mv.db"),
                StandardCopyOption.REPLACE_EXISTING);
        try (Connection c = DriverManager.getConnection("jdbc:h2:" + copy.resolve("gatehouse").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "gatehouse", "gatehouse")) {
            return read(c, kid);
        } catch (java.sql.SQLException e) {
            // A copy taken in the middle of a write may not open: try again.
            return null;
        } finally {
            try (var files = Files.list(copy)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(copy);
        }
    }

    private static RSAKey read(Connection c, String kid) throws Exception {
        try (PreparedStatement query = c.prepareStatement(
                "SELECT owner, private_jwk FROM signing_key WHERE kid = ?")) {
            query.setString(1, kid);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return RSAKey.parse(ServerDataKey.open(rs.getString(2), "signing_key.private_jwk", rs.getString(1),
                        kid));
            }
        }
    }
}
