package io.gatehouse.engine.threat.lockout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A source address's failure bucket; see {@link FailureBucket}. */
@Entity
@Table(name = "address_throttle")
public class AddressThrottleEntity {

    @Id
    @Column(name = "address")
    private String address;

    @Column(name = "full_at", nullable = false)
    private long fullAt;

    protected AddressThrottleEntity() {
    }

    AddressThrottleEntity(String address, long fullAt) {
        this.address = address;
        this.fullAt = fullAt;
    }

    long fullAt() {
        return fullAt;
    }
}
