package io.gatehouse.engine.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The server's data key: AES-256-GCM for secrets kept at rest or handed to clients to bring back (SRP verifiers,
 * SRP secret blocks), and HMAC-SHA-256 for values that must be stable but unguessable. It comes from
 * {@code GATEHOUSE_DATA_KEY} (base64 of 32 bytes; every node of a cluster needs the same), else from the key file
 * ({@code GATEHOUSE_DATA_KEY_FILE}, by default {@code data-key} in the server directory), which is generated
 * on first start. It is never kept in the database, so a copy of the database alone does not open what it sealed.
 */
@ApplicationScoped
public class DataKey {

    private static final Logger LOG = Logger.getLogger(DataKey.class.getName());
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte VERSION = 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "gatehouse.data-key")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "gatehouse.data-key-file", defaultValue = "data-key")
    String keyFile;

    private SecretKeySpec encryption;
    private byte[] macKey;

    @PostConstruct
    void load() {
        byte[] key = configured.map(DataKey::decode).orElseGet(() -> fromFile(Paths.get(keyFile).toAbsolutePath()));
        // Separate keys for the two uses, derived from the one secret.
        encryption = new SecretKeySpec(derive(key, "gatehouse encryption"), "AES");
        macKey = derive(key, "gatehouse mac");
        Arrays.fill(key, (byte) 0);
    }

    /**
     * Encrypts and authenticates {@code plain}, bound to {@code context} (what it is and whose), which
     * {@link #open} must be given again: a sealed value moved to another user or purpose does not open.
     */
    public byte[] seal(byte[] plain, String context) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryption, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(VERSION).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plain bytes of a {@link #seal}ed value, or empty when it was altered, or sealed for another context. */
    public Optional<byte[]> open(byte[] sealed, String context) {
        if (sealed.length < 1 + IV_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryption, new GCMParameterSpec(TAG_BITS, sealed, 1, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return Optional.of(cipher.doFinal(sealed, 1 + IV_BYTES, sealed.length - 1 - IV_BYTES));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** HMAC-SHA-256 of {@code data} under the data key: the same on every node, unguessable without the key. */
    public byte[] mac(String data) {
        return Hmac.sha256(macKey, data);
    }

    private static byte[] derive(byte[] key, String label) {
        return Hmac.sha256(key, label);
    }

    private static byte[] decode(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("gatehouse.data-key is not base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("gatehouse.data-key must be " + KEY_BYTES + " bytes, base64-encoded");
        }
        return key;
    }

    /** Reads the key file, or makes it (readable by the server's user only) when there is none. */
    private static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[KEY_BYTES];
                RANDOM.nextBytes(key);
                Files.createDirectories(file.getParent());
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException e) {
                    return decode(Files.readString(file));
                }
                Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
                LOG.warning(() -> "Generated the data key in " + file + ". Back it up with the database: without it,"
                        + " stored SRP verifiers cannot be read. In a cluster, give every node the same key"
                        + " (GATEHOUSE_DATA_KEY).");
                return key;
            }
            return decode(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the data key file " + file, e);
        }
    }
}
