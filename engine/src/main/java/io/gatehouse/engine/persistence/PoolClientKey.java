package io.gatehouse.engine.persistence;

import java.io.Serializable;
import java.util.Objects;

/**
 * The primary key of a row that belongs to a pool and one of its app clients, or to the pool as a whole under a
 * client id such as {@code ALL} (UI customizations, risk configurations): an {@code @IdClass} for entities whose id
 * fields are {@code userPoolId} and {@code clientId}.
 */
public class PoolClientKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private String userPoolId;
    private String clientId;

    public PoolClientKey() {
    }

    public PoolClientKey(String userPoolId, String clientId) {
        this.userPoolId = userPoolId;
        this.clientId = clientId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PoolClientKey k && k.userPoolId.equals(userPoolId) && k.clientId.equals(clientId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userPoolId, clientId);
    }
}
