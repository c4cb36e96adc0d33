package io.gatehouse.engine.users;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** A one-time code, kept as a salted hash. */
@Entity
@Table(name = "verification_code")
@IdClass(VerificationCodeEntity.Key.class)
public class VerificationCodeEntity {

    /** The composite key: one live code per user and purpose. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String sub;
        String purpose;

        public Key() {
        }

        Key(String sub, String purpose) {
            this.sub = sub;
            this.purpose = purpose;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(sub, k.sub) && Objects.equals(purpose, k.purpose);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sub, purpose);
        }
    }

    @Id
    @Column(name = "sub")
    private String sub;

    @Id
    @Column(name = "purpose")
    private String purpose;

    @Column(name = "user_pool_id", nullable = false)
    private String userPoolId;

    @Column(name = "salt", nullable = false)
    private String salt;

    @Column(name = "code_hash", nullable = false)
    private String codeHash;

    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    /** Wrong guesses of this code. */
    @Column(name = "failures", nullable = false)
    private int failures;

    @Column(name = "window_started_at", nullable = false)
    private long windowStartedAt;

    /** Codes issued since the window began, this one included. */
    @Column(name = "window_sends", nullable = false)
    private int windowSends;

    /** Wrong guesses since the window began, of this code and the ones it replaced. */
    @Column(name = "window_failures", nullable = false)
    private int windowFailures;

    protected VerificationCodeEntity() {
    }

    /** A row with no code yet: an empty hash no answer matches, expired from the start. */
    VerificationCodeEntity(String sub, String purpose, String userPoolId, long windowStartedAt) {
        this.sub = sub;
        this.purpose = purpose;
        this.userPoolId = userPoolId;
        this.windowStartedAt = windowStartedAt;
        this.salt = "";
        this.codeHash = "";
    }

    /** A new code in place of the one before: its own five guesses, but the window's counts go on. */
    void reissue(String salt, String codeHash, long expiresAt) {
        this.salt = salt;
        this.codeHash = codeHash;
        this.expiresAt = expiresAt;
        this.failures = 0;
        this.windowSends++;
    }

    /** One more message sent in the window, with no code of this row's own (a sign-in's MFA code, say). */
    void counted() {
        this.windowSends++;
    }

    /** Starts a new counting window at {@code now} when the current one has ended. */
    void rollWindow(long now, long windowMillis) {
        if (windowStartedAt + windowMillis <= now) {
            windowStartedAt = now;
            windowSends = 0;
            windowFailures = 0;
        }
    }

    String salt() {
        return salt;
    }

    String codeHash() {
        return codeHash;
    }

    long expiresAt() {
        return expiresAt;
    }

    int failures() {
        return failures;
    }

    int windowSends() {
        return windowSends;
    }

    int windowFailures() {
        return windowFailures;
    }

    void failed() {
        failures++;
        windowFailures++;
    }
}
