package io.gatehouse.engine.threat.risk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** A row of {@code risk_configuration}. */
@Entity
@Table(name = "risk_configuration")
@IdClass(RiskConfigurationEntity.Key.class)
public class RiskConfigurationEntity {

    /** The primary key: pool and client id ({@code ALL} for the pool's own). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private String userPoolId;
        private String clientId;

        public Key() {
        }

        Key(String userPoolId, String clientId) {
            this.userPoolId = userPoolId;
            this.clientId = clientId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.userPoolId.equals(userPoolId) && k.clientId.equals(clientId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userPoolId, clientId);
        }
    }

    @Id
    @Column(name = "user_pool_id")
    private String userPoolId;

    @Id
    @Column(name = "client_id")
    private String clientId;

    @Lob
    @Column(name = "compromised")
    private String compromised;

    @Lob
    @Column(name = "account_takeover")
    private String accountTakeover;

    @Lob
    @Column(name = "risk_exceptions")
    private String riskExceptions;

    @Column(name = "modified_at", nullable = false)
    private long modifiedAt;

    protected RiskConfigurationEntity() {
    }

    RiskConfigurationEntity(String userPoolId, String clientId) {
        this.userPoolId = userPoolId;
        this.clientId = clientId;
    }

    void replace(String compromised, String accountTakeover, String riskExceptions, long modifiedAt) {
        this.compromised = compromised;
        this.accountTakeover = accountTakeover;
        this.riskExceptions = riskExceptions;
        this.modifiedAt = modifiedAt;
    }

    RiskConfiguration view() {
        return RiskConfiguration.read(userPoolId, clientId, compromised, accountTakeover, riskExceptions, modifiedAt);
    }

    String clientId() {
        return clientId;
    }
}
