package io.gatehouse.engine.threat.risk;

/**
 * The moments a password is checked against breached ones, as Cognito's {@code EventFilterType} names them: a
 * sign-in with it, a sign-up, and any new password (ChangePassword, a reset, AdminSetUserPassword, a
 * NEW_PASSWORD_REQUIRED answer).
 */
public enum CredentialEvent {
    SIGN_IN, SIGN_UP, PASSWORD_CHANGE
}
