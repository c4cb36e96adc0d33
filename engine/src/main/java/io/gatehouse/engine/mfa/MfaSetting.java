package io.gatehouse.engine.mfa;

/**
 * A user's setting of one second factor.
 *
 * @param method    Cognito's name of it ({@code SOFTWARE_TOKEN_MFA}, {@code SMS_MFA}, {@code EMAIL_OTP}, ...)
 * @param state     the method provider's enrolment state (sealed by it), or null for a method without enrolment
 * @param verified  whether the enrolment was proven (always true for a method without enrolment once set)
 * @param enabled   whether sign-ins may ask for it
 * @param preferred whether it is the one asked for when several are enabled
 */
public record MfaSetting(String method, String state, boolean verified, boolean enabled, boolean preferred) {
}
