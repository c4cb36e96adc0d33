package io.gatehouse.engine.threat.risk;

import io.gatehouse.engine.persistence.PoolClientKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A row of {@code risk_configuration}. */
@Entity
@Table(name = "risk_configuration")
@IdClass(PoolClientKey.class)
public class RiskConfigurationEntity {

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
