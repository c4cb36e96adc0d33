package io.gatehouse.engine.oauth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An authorization code, by the hash of its value, with everything it was issued for. */
@Entity
@Table(name = "authorization_code")
public class AuthorizationCodeEntity {

    @Id
    @Column(name = "code_hash")
    private String codeHash;

    @Column(name = "user_pool_id", nullable = false)
    private String userPoolId;

    @Column(name = "client_id", nullable = false)
    private String clientId;

    @Column(name = "sub", nullable = false)
    private String sub;

    @Column(name = "redirect_uri", nullable = false)
    private String redirectUri;

    @Column(name = "scopes", nullable = false)
    private String scopes;

    @Column(name = "nonce")
    private String nonce;

    @Column(name = "code_challenge")
    private String codeChallenge;

    @Column(name = "auth_time", nullable = false)
    private long authTime;

    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    @Column(name = "redeemed_jti")
    private String redeemedJti;

    protected AuthorizationCodeEntity() {
    }

    AuthorizationCodeEntity(String codeHash, AuthorizationRequest request, String sub, long authTime,
                            long expiresAt) {
        this.codeHash = codeHash;
        this.userPoolId = request.client().userPoolId();
        this.clientId = request.client().clientId();
        this.sub = sub;
        this.redirectUri = request.redirectUri().toString();
        this.scopes = String.join(" ", request.scopes());
        this.nonce = request.nonce();
        this.codeChallenge = request.codeChallenge();
        this.authTime = authTime;
        this.expiresAt = expiresAt;
    }

    String userPoolId() {
        return userPoolId;
    }

    String clientId() {
        return clientId;
    }

    String sub() {
        return sub;
    }

    String redirectUri() {
        return redirectUri;
    }

    String scopes() {
        return scopes;
    }

    String nonce() {
        return nonce;
    }

    String codeChallenge() {
        return codeChallenge;
    }

    long authTime() {
        return authTime;
    }

    long expiresAt() {
        return expiresAt;
    }

    String redeemedJti() {
        return redeemedJti;
    }

    void redeemed(String originJti) {
        this.redeemedJti = originJti;
    }
}
