package io.gatehouse.api.userstore;

/** A user's account status, with Cognito's names ({@code UserStatusType}). */
public enum UserStatus {
    UNCONFIRMED,
    CONFIRMED,
    ARCHIVED,
    COMPROMISED,
    UNKNOWN,
    RESET_REQUIRED,
    FORCE_CHANGE_PASSWORD,
    EXTERNAL_PROVIDER
}
