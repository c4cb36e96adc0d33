package io.gatehouse.providers.mfa.email;

import io.gatehouse.providers.mfa.code.CodeMedium;
import io.gatehouse.providers.mfa.code.MessageCodeMethodFactory;

import java.util.Optional;

/**
 * MFA method {@code email}: Cognito's {@code EMAIL_OTP}, a six-digit code by e-mail to the user's {@code email},
 * sent through the engine's SMTP sender. Options, under {@code gatehouse.spi.mfa-method.email.}:
 * {@code code-validity-seconds} (default 180), {@code message} (default {@value #DEFAULT_MESSAGE}) and
 * {@code subject} (default {@value #DEFAULT_SUBJECT}), each used when the pool does not set its own
 * ({@code EmailMfaConfiguration}).
 */
public class EmailMethodFactory extends MessageCodeMethodFactory {

    /**
     * The body when the pool sets none. Cognito's documentation does not publish its default wording; this is its
     * SMS default's.
     */
    public static final String DEFAULT_MESSAGE = "Your authentication code is {####}. ";

    /** The subject when the pool sets none. */
    public static final String DEFAULT_SUBJECT = "Your authentication code";

    public EmailMethodFactory() {
        super(CodeMedium.EMAIL, DEFAULT_MESSAGE, Optional.of(DEFAULT_SUBJECT));
    }
}
