package io.gatehouse.providers.mfa.code;

import io.gatehouse.api.message.Channel;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How one method that sends codes differs from another: its Cognito name, where the code goes and how that is
 * shown.
 *
 * @param methodName     Cognito's MFA type and challenge name ({@code SMS_MFA}, {@code EMAIL_OTP})
 * @param id             the provider's id, which names its sealed states ({@code sms}, {@code email})
 * @param channel        the channel the code travels by
 * @param attribute      the user attribute it is sent to ({@code phone_number}, {@code email})
 * @param deliveryMedium Cognito's {@code CODE_DELIVERY_DELIVERY_MEDIUM} ({@code SMS}, {@code EMAIL})
 * @param mask           Cognito's masking of the destination
 */
public record CodeMedium(String methodName, String id, Channel channel, String attribute, String deliveryMedium,
                         UnaryOperator<String> mask) {

    /** Cognito's SMS_MFA: a code by SMS to {@code phone_number}. */
    public static final CodeMedium SMS = new CodeMedium("SMS_MFA", "sms", Channel.SMS, "phone_number", "SMS",
            Masking::phone);

    /** Cognito's EMAIL_OTP: a code by e-mail to {@code email}. */
    public static final CodeMedium EMAIL = new CodeMedium("EMAIL_OTP", "email", Channel.EMAIL, "email", "EMAIL",
            Masking::email);

    public CodeMedium {
        Objects.requireNonNull(methodName, "methodName");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(deliveryMedium, "deliveryMedium");
        Objects.requireNonNull(mask, "mask");
    }
}
