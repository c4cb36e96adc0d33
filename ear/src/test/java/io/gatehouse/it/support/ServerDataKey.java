package io.gatehouse.it.support;

import io.gatehouse.it.Gatehouse;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Base64;

/**
 * Opens a value the test server sealed in its database, with the data key it generated into its directory: what the
 * holder of the data key can do, and a copy of the database alone cannot. Written from the documented format
 * ({@code gh1:<key id>:<base64url of nonce and AES-256-GCM ciphertext>}, the AES key HMAC-SHA-256 of the data key
 * and "gatehouse encryption", the associated data the column's name and its row's ids separated by NULs), not with
 * the server's classes, so it checks that format as well.
 */
public final class ServerDataKey {

    private ServerDataKey() {
    }

    /** The plain text of {@code sealed}, kept in {@code column} ({@code table.column}) of the row {@code row} names. */
    public static String open(String sealed, String column, String... row) throws Exception {
        String[] parts = sealed.split(":", 3);
        if (parts.length != 3 || !parts[0].equals("gh1")) {
            throw new IllegalArgumentException("not a sealed value");
        }
        byte[] dataKey = Base64.getDecoder().decode(Files.readString(Gatehouse.serverDir().resolve("data-key"))
                .strip());
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(dataKey, "HmacSHA256"));
        byte[] aesKey = hmac.doFinal("gatehouse encryption".getBytes(StandardCharsets.UTF_8));
        byte[] body = Base64.getUrlDecoder().decode(parts[2]);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(128, body, 0, 12));
        cipher.updateAAD((column + "\u0000" + String.join("\u0000", row)).getBytes(StandardCharsets.UTF_8));
        return new String(cipher.doFinal(Arrays.copyOfRange(body, 12, body.length)), StandardCharsets.UTF_8);
    }
}
