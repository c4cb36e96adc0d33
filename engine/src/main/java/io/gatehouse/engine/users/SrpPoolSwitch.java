package io.gatehouse.engine.users;

import io.gatehouse.engine.srp.SrpCredentials;
import io.gatehouse.engine.userpool.UserPoolUpdated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * A pool that turns SRP off (tag {@value SrpCredentials#TAG}=disabled) keeps no verifiers: they are dropped in the
 * same transaction, since each could be attacked offline and nothing will use them. Turning SRP back on starts
 * without any; each user gets one again when they next set a password or sign in with it.
 */
@ApplicationScoped
public class SrpPoolSwitch {

    @Inject
    SrpCredentials credentials;

    @Inject
    UserStores stores;

    void onUpdate(@Observes UserPoolUpdated event) {
        if (SrpCredentials.enabled(event.before()) && !SrpCredentials.enabled(event.after())) {
            credentials.forgetAll(stores.forPool(event.after()));
        }
    }
}
