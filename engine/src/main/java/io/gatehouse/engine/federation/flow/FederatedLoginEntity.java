package io.gatehouse.engine.federation.flow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A sign-in begun at an external IdP, by the hash of the state sent there (see V23). */
@Entity
@Table(name = "federated_login")
public class FederatedLoginEntity {

    @Id
    @Column(name = "state_hash")
    private String stateHash;

    @Column(name = "browser_hash", nullable = false)
    private String browserHash;

    @Column(name = "user_pool_id", nullable = false)
    private String userPoolId;

    @Column(name = "provider_name", nullable = false)
    private String providerName;

    @Column(name = "request_parameters", nullable = false)
    private String requestParameters;

    @Column(name = "pending_state", nullable = false)
    private String pendingState;

    @Column(name = "expires_at", nullable = false)
    private long expiresAt;

    /** {@value #SIGN_IN} or {@value #SIGN_OUT}: a state of one is never taken as the other. */
    @Column(name = "purpose", nullable = false)
    private String purpose;

    static final String SIGN_IN = "sign-in";
    static final String SIGN_OUT = "sign-out";

    protected FederatedLoginEntity() {
    }

    FederatedLoginEntity(String stateHash, String browserHash, String userPoolId, String providerName,
                         String requestParameters, String pendingState, long expiresAt, String purpose) {
        this.stateHash = stateHash;
        this.browserHash = browserHash;
        this.userPoolId = userPoolId;
        this.providerName = providerName;
        this.requestParameters = requestParameters;
        this.pendingState = pendingState;
        this.expiresAt = expiresAt;
        this.purpose = purpose;
    }

    String purpose() {
        return purpose;
    }

    String browserHash() {
        return browserHash;
    }

    String userPoolId() {
        return userPoolId;
    }

    String providerName() {
        return providerName;
    }

    String requestParameters() {
        return requestParameters;
    }

    String pendingState() {
        return pendingState;
    }

    long expiresAt() {
        return expiresAt;
    }
}
