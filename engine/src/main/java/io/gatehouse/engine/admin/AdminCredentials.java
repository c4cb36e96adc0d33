package io.gatehouse.engine.admin;

import io.gatehouse.engine.config.GatehouseConfig;
import io.gatehouse.engine.security.DataKey;
import io.gatehouse.engine.security.OpenedSecrets;
import io.gatehouse.engine.security.SealedColumn;
import io.gatehouse.engine.security.SealSecretsAtStart;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The credentials that may sign administrative (SigV4) calls.
 *
 * <p>An operator sets one with {@code GATEHOUSE_ADMIN_ACCESS_KEY_ID} and {@code GATEHOUSE_ADMIN_SECRET_ACCESS_KEY};
 * then it is the only one. Without them, the first start generates a credential, stores it, writes it to a file
 * only the server's user can read (an AWS CLI credentials file with a {@code gatehouse} profile) and logs once
 * where that file is. The secret itself is never logged, and is stored sealed with the data key: SigV4 needs it in
 * full to recompute signatures, so it cannot be hashed.
 */
@ApplicationScoped
public class AdminCredentials {

    /** Observer priority: after migrations and sealing, before the API takes calls. */
    public static final int PRIORITY = SealSecretsAtStart.PRIORITY + 50;

    static final String BOOTSTRAP = "bootstrap credential generated on first start";

    private static final Logger LOG = Logger.getLogger(AdminCredentials.class.getName());
    private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "gatehouse")
    EntityManager em;

    @Inject
    GatehouseConfig config;

    @Inject
    @ConfigProperty(name = "gatehouse.admin.credentials-file")
    Optional<String> credentialsFile;

    @Inject
    Clock clock;

    @Inject
    DataKey dataKey;

    private final OpenedSecrets openedSecrets = new OpenedSecrets();

    @Transactional
    void onStart(@Observes @Priority(PRIORITY) @Initialized(ApplicationScoped.class) Object event) {
        if (config.adminAccessKeyId().isPresent()) {
            LOG.info(() -> "Admin credential " + config.adminAccessKeyId().get() + " comes from the configuration");
            return;
        }
        // Nodes starting together on an empty database take turns here, so the first makes the credential and the
        // others find it, rather than each making one of its own.
        em.createNativeQuery("SELECT name FROM cluster_job WHERE name = 'admin-bootstrap' FOR UPDATE").getResultList();
        Long stored = em.createQuery("select count(c) from AdminCredentialEntity c", Long.class).getSingleResult();
        if (stored > 0) {
            return;
        }
        String keyId = "GHAK" + randomKeyChars(16);
        byte[] secretBytes = new byte[30];
        RANDOM.nextBytes(secretBytes);
        String secret = java.util.Base64.getEncoder().encodeToString(secretBytes);
        em.persist(new AdminCredentialEntity(keyId, dataKey.sealText(secret, context(keyId)), BOOTSTRAP,
                clock.millis()));
        Path file = credentialsFile.map(Paths::get)
                .orElse(Paths.get("admin-credentials").toAbsolutePath());
        writeCredentialsFile(file, keyId, secret);
        LOG.warning(() -> "Generated the bootstrap admin credential " + keyId + "; its secret is in " + file
                + " (an AWS credentials file, profile 'gatehouse'). This message is not repeated.");
    }

    /**
     * The secret of an admin access key id, or empty when the key is not an admin credential.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> secretFor(String accessKeyId) {
        if (config.adminAccessKeyId().isPresent()) {
            boolean same = MessageDigest.isEqual(config.adminAccessKeyId().get().getBytes(StandardCharsets.UTF_8),
                    accessKeyId.getBytes(StandardCharsets.UTF_8));
            return same ? config.adminSecretAccessKey() : Optional.empty();
        }
        return Optional.ofNullable(em.find(AdminCredentialEntity.class, accessKeyId))
                .map(c -> openedSecrets.open(dataKey, c.secretAccessKey(), context(c.accessKeyId())));
    }

    private static String context(String accessKeyId) {
        return SealedColumn.ADMIN_SECRET.context(accessKeyId);
    }

    private static String randomKeyChars(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(KEY_ALPHABET.charAt(RANDOM.nextInt(KEY_ALPHABET.length())));
        }
        return s.toString();
    }

    private static void writeCredentialsFile(Path file, String keyId, String secret) {
        String content = "# Gatehouse bootstrap admin credential. Use it with the AWS CLI or an SDK:\n"
                + "#   AWS_SHARED_CREDENTIALS_FILE=" + file + " AWS_PROFILE=gatehouse aws cognito-idp ... \n"
                + "[gatehouse]\n"
                + "aws_access_key_id = " + keyId + "\n"
                + "aws_secret_access_key = " + secret + "\n";
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, ".admin-credentials", ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system; the directory's permissions protect the file.
            }
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the admin credentials file " + file, e);
        }
    }
}
