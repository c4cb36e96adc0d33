package io.gatehouse.engine.trigger;

import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.api.userstore.UserStatus;

import java.util.HashMap;
import java.util.Map;

/** A user's attributes as Cognito's events show them: with {@code sub} and {@code cognito:user_status}. */
public final class TriggerAttributes {

    private TriggerAttributes() {
    }

    public static Map<String, String> of(UserRecord user) {
        return of(user, user.status());
    }

    /** The attributes with the status the user has once the operation is done. */
    public static Map<String, String> of(UserRecord user, UserStatus status) {
        Map<String, String> attributes = new HashMap<>(user.attributes());
        attributes.put("sub", user.sub());
        attributes.put("cognito:user_status", status.name());
        return attributes;
    }
}
