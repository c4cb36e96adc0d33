package io.gatehouse.engine.cluster;

import java.time.Duration;

/**
 * The work that runs once across the cluster, each at most once per interval. Each has its row in {@code cluster_job},
 * made by a migration (V41 made these): a claim is then a single UPDATE on every database, with no insert to race.
 * A job added here needs a migration that inserts its row.
 */
public enum ClusterJob {
    AUTHORIZATION_CODE_PURGE("authorization-code-purge"),
    AUTH_SESSION_PURGE("auth-session-purge"),
    FEDERATED_LOGIN_PURGE("federated-login-purge"),
    FEDERATED_REPLAY_PURGE("federated-replay-purge"),
    IDENTITY_POOL_REPLAY_PURGE("identity-pool-replay-purge"),
    /**
     * Deletes auth events past their retention ({@link io.gatehouse.engine.threat.adaptive.AuthEventPurge}): every
     * sign-in writes one, so at scale this purge has the most to do, off the request path.
     */
    AUTH_EVENT_PURGE("auth-event-purge", Duration.ofSeconds(10)),
    ADDRESS_THROTTLE_PURGE("address-throttle-purge"),
    REFRESH_TOKEN_PURGE("refresh-token-purge"),
    HOSTED_SESSION_PURGE("hosted-session-purge"),
    STS_SESSION_PURGE("sts-session-purge"),
    UNCONFIRMED_DEVICE_PURGE("unconfirmed-device-purge"),
    /**
     * Resumes import jobs whose node stopped ({@link io.gatehouse.engine.imports.ImportWatch}): often, since a job
     * waits for it, and cheap, one indexed read.
     */
    IMPORT_WATCH("import-watch", Duration.ofSeconds(15));

    private final String rowName;
    private final Duration interval;

    /** A purge of expired rows, once a minute. */
    ClusterJob(String rowName) {
        this(rowName, Duration.ofMinutes(1));
    }

    ClusterJob(String rowName, Duration interval) {
        this.rowName = rowName;
        this.interval = interval;
    }

    /** Its row's name in {@code cluster_job}. */
    public String rowName() {
        return rowName;
    }

    /** How long after one run the next may start. */
    public Duration interval() {
        return interval;
    }
}
