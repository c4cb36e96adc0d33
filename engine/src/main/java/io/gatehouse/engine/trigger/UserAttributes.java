package io.gatehouse.engine.trigger;

import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.api.userstore.UserStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/** A known user's {@code request.userAttributes}, as Cognito writes them for its triggers. */
public final class UserAttributes {

    private UserAttributes() {
    }

    /**
     * The user's attributes with {@code sub} and {@code cognito:user_status}, as Cognito adds them; without the
     * server's own {@code dev:} bookkeeping.
     */
    public static Map<String, String> of(UserRecord user) {
        return of(user, user.status());
    }

    /** The same, with the status the user has once the operation under way is done. */
    public static Map<String, String> of(UserRecord user, UserStatus status) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("sub", user.sub());
        user.attributes().forEach((name, value) -> {
            if (!name.startsWith("dev:")) {
                attributes.put(name, value);
            }
        });
        attributes.put("cognito:user_status", status.name());
        return attributes;
    }
}
