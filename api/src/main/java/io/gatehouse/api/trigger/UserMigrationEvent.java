package io.gatehouse.api.trigger;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A sign-in or password reset of a user the pool does not know (UserMigration_Authentication, _ForgotPassword):
 * the trigger may bring them from a legacy directory.
 *
 * @param context the envelope; userName is the name the user gave
 * @param password the password the user gave (Authentication only); never logged
 * @param validationData the call's ValidationData
 * @param clientMetadata the call's ClientMetadata
 */
public record UserMigrationEvent(TriggerContext context, Optional<String> password,
                                 Map<String, String> validationData, Map<String, String> clientMetadata) {

    public UserMigrationEvent {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(password, "password");
        validationData = Map.copyOf(validationData);
        clientMetadata = Map.copyOf(clientMetadata);
    }

    /** Never shows the values: they hold a password, a code or a challenge's answer. */
    @Override
    public String toString() {
        return "UserMigrationEvent";
    }
}
