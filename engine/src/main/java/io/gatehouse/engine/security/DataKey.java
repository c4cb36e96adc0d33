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
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The server's data key: AES-256-GCM for secrets kept at rest or handed to clients to bring back (SRP verifiers,
 * SRP secret blocks, signing keys, client and admin secrets), and HMAC-SHA-256 for values that must be stable but
 * unguessable. It comes from {@code GATEHOUSE_DATA_KEY} (base64 of 32 bytes; every node of a cluster needs the
 * same), else from the key file ({@code GATEHOUSE_DATA_KEY_FILE}, by default {@code data-key} in the server
 * directory), which is generated on first start. It is never kept in the database, so a copy of the database alone
 * does not open what it sealed.
 *
 * <p>Every sealed value names the key that sealed it by a key id (a fingerprint that gives nothing of the key
 * away). Keys named in {@code GATEHOUSE_DATA_KEY_PREVIOUS} (comma-separated, base64) still open what they sealed,
 * and the start-up step {@link SealSecretsAtStart} re-seals the database's values with the current key; new values
 * are always sealed with the current key. MACs use the current key only.
 */
@ApplicationScoped
public class DataKey {

    private static final Logger LOG = Logger.getLogger(DataKey.class.getName());
    private static final int KEY_BYTES = 32;
    private static final int KEY_ID_BYTES = 6;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** The first binary form: no key id; opened by trying the known keys. Still read, no longer written. */
    private static final byte VERSION_WITHOUT_KEY_ID = 1;
    private static final byte VERSION = 2;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "gatehouse.data-key")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "gatehouse.data-key-file", defaultValue = "data-key")
    String keyFile;

    @Inject
    @ConfigProperty(name = "gatehouse.data-key-previous")
    Optional<List<String>> previous;

    /** One data key as used: its id and its encryption key. */
    private record Key(String id, SecretKeySpec encryption) {
    }

    private Key current;
    /** The current key first, then the previous ones, by id. */
    private Map<String, Key> known;
    private byte[] macKey;

    @PostConstruct
    void load() {
        byte[] key = configured.map(k -> decode(k, "gatehouse.data-key"))
                .orElseGet(() -> fromFile(Paths.get(keyFile).toAbsolutePath()));
        // Separate keys for the two uses, derived from the one secret.
        current = key(key);
        macKey = derive(key, "gatehouse mac");
        Arrays.fill(key, (byte) 0);
        known = new LinkedHashMap<>();
        known.put(current.id(), current);
        for (String old : previous.orElse(List.of())) {
            if (!old.isBlank()) {
                byte[] bytes = decode(old, "gatehouse.data-key-previous");
                Key k = key(bytes);
                Arrays.fill(bytes, (byte) 0);
                known.putIfAbsent(k.id(), k);
            }
        }
        LOG.info(() -> "Data key " + current.id() + " seals; " + (known.size() - 1) + " previous key(s) open");
    }

    /** The id of the key that seals new values: a fingerprint, which tells nothing of the key itself. */
    public String keyId() {
        return current.id();
    }

    /** How many previous keys still open what they sealed (GATEHOUSE_DATA_KEY_PREVIOUS). */
    public int previousKeyCount() {
        return known.size() - 1;
    }

    /**
     * Encrypts and authenticates {@code plain}, bound to {@code context} (what it is and whose), which
     * {@link #open} must be given again: a sealed value moved to another user or purpose does not open.
     */
    public byte[] seal(byte[] plain, String context) {
        byte[] nonceAndCiphertext = encrypt(current, plain, context);
        return ByteBuffer.allocate(1 + KEY_ID_BYTES + nonceAndCiphertext.length).put(VERSION)
                .put(HexFormat.of().parseHex(current.id())).put(nonceAndCiphertext).array();
    }

    /**
     * The plain bytes of a {@link #seal}ed value, or empty when it was altered, sealed for another context or with a
     * key this server does not have.
     */
    public Optional<byte[]> open(byte[] sealed, String context) {
        if (sealed.length >= 1 + KEY_ID_BYTES + IV_BYTES + TAG_BITS / 8 && sealed[0] == VERSION) {
            Key key = known.get(HexFormat.of().formatHex(sealed, 1, 1 + KEY_ID_BYTES));
            return key == null ? Optional.empty()
                    : decrypt(key, Arrays.copyOfRange(sealed, 1 + KEY_ID_BYTES, sealed.length), context);
        }
        if (sealed.length >= 1 + IV_BYTES + TAG_BITS / 8 && sealed[0] == VERSION_WITHOUT_KEY_ID) {
            byte[] nonceAndCiphertext = Arrays.copyOfRange(sealed, 1, sealed.length);
            for (Key key : known.values()) {
                Optional<byte[]> plain = decrypt(key, nonceAndCiphertext, context);
                if (plain.isPresent()) {
                    return plain;
                }
            }
        }
        return Optional.empty();
    }

    /** {@code plain} sealed for {@code context}, in the text form a database column keeps ({@link SealedText}). */
    public String sealText(String plain, String context) {
        return new SealedText(current.id(), encrypt(current, plain.getBytes(StandardCharsets.UTF_8), context))
                .format();
    }

    /**
     * The plain text of a value {@link #sealText sealed} for {@code context}.
     *
     * @throws SealedValueException when it is not sealed (a clear value: never trusted), was sealed with a key this
     *                              server does not have, or does not open (altered, or moved from another row)
     */
    public String openText(String stored, String context) {
        SealedText sealed = SealedText.parse(stored).orElseThrow(() -> new SealedValueException(context,
                "is not sealed with a data key; it was stored in clear (or altered) and is not used"));
        Key key = known.get(sealed.keyId());
        if (key == null) {
            throw new SealedValueException(context, "is sealed with data key " + sealed.keyId()
                    + ", which this server does not have (GATEHOUSE_DATA_KEY, GATEHOUSE_DATA_KEY_PREVIOUS)");
        }
        return decrypt(key, sealed.nonceAndCiphertext(), context)
                .map(plain -> new String(plain, StandardCharsets.UTF_8))
                .orElseThrow(() -> new SealedValueException(context, "does not open with data key " + key.id()
                        + ": it was altered, or belongs to another row"));
    }

    /** Whether a {@link #seal}ed value names the current key: one sealed before or with another key does not. */
    public boolean sealedWithCurrentKey(byte[] sealed) {
        return sealed.length > 1 + KEY_ID_BYTES && sealed[0] == VERSION
                && HexFormat.of().formatHex(sealed, 1, 1 + KEY_ID_BYTES).equals(current.id());
    }

    /** Whether {@code stored} is sealed with the current key, so that re-sealing would change nothing. */
    public boolean sealedWithCurrentKey(String stored) {
        return stored.startsWith(SealedText.prefix(current.id()));
    }

    /**
     * {@code stored} sealed with the current key: a clear value (stored before values were sealed) is sealed, one
     * sealed with a previous key is opened and sealed again, one sealed with the current key is returned as it is.
     *
     * @throws SealedValueException when it looks sealed but does not open
     */
    public String reseal(String stored, String context) {
        if (sealedWithCurrentKey(stored)) {
            return stored;
        }
        String plain = SealedText.looksSealed(stored) ? openText(stored, context) : stored;
        return sealText(plain, context);
    }

    /** HMAC-SHA-256 of {@code data} under the data key: the same on every node, unguessable without the key. */
    public byte[] mac(String data) {
        return Hmac.sha256(macKey, data);
    }

    private static Key key(byte[] key) {
        String id = HexFormat.of().formatHex(derive(key, "gatehouse key id"), 0, KEY_ID_BYTES);
        return new Key(id, new SecretKeySpec(derive(key, "gatehouse encryption"), "AES"));
    }

    private static byte[] encrypt(Key key, byte[] plain, String context) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.encryption(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static Optional<byte[]> decrypt(Key key, byte[] nonceAndCiphertext, String context) {
        if (nonceAndCiphertext.length < IV_BYTES + TAG_BITS / 8) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.encryption(),
                    new GCMParameterSpec(TAG_BITS, nonceAndCiphertext, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return Optional.of(cipher.doFinal(nonceAndCiphertext, IV_BYTES, nonceAndCiphertext.length - IV_BYTES));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static byte[] derive(byte[] key, String label) {
        return Hmac.sha256(key, label);
    }

    private static byte[] decode(String base64, String property) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + " is not base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(property + " must be " + KEY_BYTES + " bytes, base64-encoded");
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
                    return decode(Files.readString(file), "the data key file");
                }
                Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
                LOG.warning(() -> "Generated the data key in " + file + ". Back it up with the database: without it,"
                        + " stored SRP verifiers, signing keys and client secrets cannot be read. In a cluster, give"
                        + " every node the same key (GATEHOUSE_DATA_KEY).");
                return key;
            }
            return decode(Files.readString(file), "the data key file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the data key file " + file, e);
        }
    }
}
