package io.gatehouse.engine.token;

/**
 * Every sign-in of a user was ended (GlobalSignOut, AdminUserGlobalSignOut, an administrator's password reset),
 * fired inside the transaction that revoked their refresh tokens, so that other kinds of sign-in (the hosted UI's
 * sessions) end with them.
 */
public record SignInsRevoked(String userPoolId, String sub) {
}
