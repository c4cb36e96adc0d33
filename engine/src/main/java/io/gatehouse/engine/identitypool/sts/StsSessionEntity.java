package io.gatehouse.engine.identitypool.sts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code sts_session}: one set of temporary credentials local-sts issued, without its secrets. */
@Entity
@Table(name = "sts_session")
public class StsSessionEntity {

    @Id
    @Column(name = "access_key_id")
    private String accessKeyId;

    @Column(name = "session_token_hash", nullable = false)
    private String sessionTokenHash;

    @Column(name = "identity_pool_id", nullable = false)
    private String identityPoolId;

    @Column(name = "identity_id", nullable = false)
    private String identityId;

    @Column(name = "role_arn", nullable = false)
    private String roleArn;

    @Column(name = "authenticated", nullable = false)
    private boolean authenticated;

    /** The session tags, as a JSON object. */
    @Column(name = "session_tags", nullable = false)
    private String sessionTags;

    @Column(name = "session_name", nullable = false)
    private String sessionName;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    protected StsSessionEntity() {
    }

    StsSessionEntity(String accessKeyId, String sessionTokenHash, StsSession session, long createdAt) {
        this.accessKeyId = accessKeyId;
        this.sessionTokenHash = sessionTokenHash;
        this.identityPoolId = session.identityPoolId();
        this.identityId = session.identityId();
        this.roleArn = session.roleArn();
        this.authenticated = session.authenticated();
        this.sessionTags = session.sessionTagsJson();
        this.sessionName = session.sessionName();
        this.createdAt = createdAt;
        this.expiresAt = session.expiresAt().toEpochMilli();
    }

    String sessionTokenHash() {
        return sessionTokenHash;
    }

    StsSession view() {
        return StsSession.of(identityPoolId, identityId, roleArn, authenticated, sessionTags,
                java.time.Instant.ofEpochMilli(expiresAt), sessionName);
    }
}
