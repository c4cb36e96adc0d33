package io.gatehouse.api.trigger;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The user a UserMigration trigger found; none when it found nobody (its error).
 *
 * @param userAttributes the attributes to create the user with
 * @param finalUserStatus CONFIRMED or RESET_REQUIRED; absent: CONFIRMED for Authentication, RESET_REQUIRED for ForgotPassword
 * @param messageAction SUPPRESS, or absent to send the welcome message
 * @param desiredDeliveryMediums EMAIL and/or SMS
 * @param forceAliasCreation take an alias from another user
 * @param enableSMSMFA turn SMS MFA on for the user
 */
public record UserMigrationResponse(Map<String, String> userAttributes, Optional<String> finalUserStatus,
                                    Optional<String> messageAction, List<String> desiredDeliveryMediums,
                                    boolean forceAliasCreation, boolean enableSMSMFA) {

    public UserMigrationResponse {
        userAttributes = Map.copyOf(userAttributes);
        Objects.requireNonNull(finalUserStatus, "finalUserStatus");
        Objects.requireNonNull(messageAction, "messageAction");
        desiredDeliveryMediums = List.copyOf(desiredDeliveryMediums);
    }
}
