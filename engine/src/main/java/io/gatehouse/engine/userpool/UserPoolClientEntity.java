package io.gatehouse.engine.userpool;

import io.gatehouse.engine.security.SealedColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.ArrayList;
import java.util.List;

/** An app client row. Its settings are JSON in the shape of Cognito's {@code UserPoolClientType}. */
@Entity
@Table(name = "user_pool_client")
@NamedQuery(name = UserPoolClientEntity.WITH_POOL, query = "select c, p from UserPoolClientEntity c, UserPoolEntity p"
        + " where c.clientId = :clientId and p.id = c.userPoolId")
public class UserPoolClientEntity {

    /** The client with its pool, as {@code Object[] {client, pool}}. */
    static final String WITH_POOL = "UserPoolClientEntity.withPool";

    @Id
    @Column(name = "client_id")
    private String clientId;

    @Column(name = "user_pool_id", nullable = false)
    private String userPoolId;

    @Column(name = "client_name", nullable = false)
    private String clientName;

    /**
     * Sealed with the data key ({@code SealedColumn.CLIENT_SECRET}), not hashed: DescribeUserPoolClient returns it,
     * as Cognito does, and SECRET_HASH checks need it to recompute the HMAC.
     */
    @Column(name = "client_secret")
    private String clientSecret;

    @Column(name = "client_secret_id")
    private String clientSecretId;

    @Column(name = "client_secret_created_at")
    private Long clientSecretCreatedAt;

    /** The other secret while a rotation is under way, sealed ({@code SealedColumn.SECOND_CLIENT_SECRET}). */
    @Column(name = "second_client_secret")
    private String secondClientSecret;

    @Column(name = "second_client_secret_id")
    private String secondClientSecretId;

    @Column(name = "second_client_secret_created_at")
    private Long secondClientSecretCreatedAt;

    @Column(name = "settings", nullable = false)
    private String settings;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "modified_at", nullable = false)
    private long modifiedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected UserPoolClientEntity() {
    }

    UserPoolClientEntity(String clientId, String userPoolId, String clientName, String clientSecret,
                         String settings, long now) {
        this.clientId = clientId;
        this.userPoolId = userPoolId;
        this.clientName = clientName;
        this.clientSecret = clientSecret;
        if (clientSecret != null) {
            this.clientSecretId = StoredClientSecret.id(clientId, now);
            this.clientSecretCreatedAt = now;
        }
        this.settings = settings;
        this.createdAt = now;
        this.modifiedAt = now;
    }

    String clientId() {
        return clientId;
    }

    String userPoolId() {
        return userPoolId;
    }

    String clientName() {
        return clientName;
    }

    /** The sealed secret, or null for a public client. */
    String clientSecret() {
        return clientSecret;
    }

    /** The stored secrets, sealed, the first slot first: none for a public client, else one or two. */
    List<StoredClientSecret> storedSecrets() {
        List<StoredClientSecret> secrets = new ArrayList<>(2);
        if (clientSecret != null) {
            secrets.add(new StoredClientSecret(SealedColumn.CLIENT_SECRET, clientSecretId, clientSecret,
                    clientSecretCreatedAt == null ? createdAt : clientSecretCreatedAt));
        }
        if (secondClientSecret != null) {
            secrets.add(new StoredClientSecret(SealedColumn.SECOND_CLIENT_SECRET, secondClientSecretId,
                    secondClientSecret, secondClientSecretCreatedAt));
        }
        return secrets;
    }

    /** Puts a secret (sealed for its slot) in the first slot, or empties it with nulls. */
    void firstSecret(String id, String sealed, Long created, long now) {
        this.clientSecretId = id;
        this.clientSecret = sealed;
        this.clientSecretCreatedAt = created;
        this.modifiedAt = now;
    }

    /** Puts a secret (sealed for its slot) in the second slot, or empties it with nulls. */
    void secondSecret(String id, String sealed, Long created, long now) {
        this.secondClientSecretId = id;
        this.secondClientSecret = sealed;
        this.secondClientSecretCreatedAt = created;
        this.modifiedAt = now;
    }

    String settings() {
        return settings;
    }

    long createdAt() {
        return createdAt;
    }

    long modifiedAt() {
        return modifiedAt;
    }

    void update(String newName, String newSettings, long now) {
        this.clientName = newName;
        this.settings = newSettings;
        this.modifiedAt = now;
    }
}
