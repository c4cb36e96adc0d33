package io.gatehouse.providers.mfa.sms;

import io.gatehouse.providers.mfa.code.CodeMedium;
import io.gatehouse.providers.mfa.code.MessageCodeMethodFactory;

import java.util.Optional;

/**
 * MFA method {@code sms}: Cognito's {@code SMS_MFA}, a six-digit code by SMS to the user's {@code phone_number},
 * sent through the engine's message-sender provider. Options, under {@code gatehouse.spi.mfa-method.sms.}:
 * {@code code-validity-seconds} (default 180) and {@code message} (default {@value #DEFAULT_MESSAGE}), each used
 * when the pool does not set its own ({@code SmsAuthenticationMessage}).
 */
public class SmsMethodFactory extends MessageCodeMethodFactory {

    /** Cognito's default {@code SmsAuthenticationMessage}. */
    public static final String DEFAULT_MESSAGE = "Your authentication code is {####}. ";

    public SmsMethodFactory() {
        super(CodeMedium.SMS, DEFAULT_MESSAGE, Optional.empty());
    }
}
