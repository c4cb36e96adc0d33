package io.gatehouse.providers.mfa.code;

/**
 * Cognito's masking of where a code went ({@code CODE_DELIVERY_DESTINATION}): enough for the user to recognise
 * their own phone or mailbox, too little to learn someone else's.
 */
public final class Masking {

    private Masking() {
    }

    /** A phone number with only its last four digits: {@code +12065551234} becomes {@code +*******1234}. */
    public static String phone(String phone) {
        if (phone.length() <= 5) {
            return "***";
        }
        return "+" + "*".repeat(phone.length() - 5) + phone.substring(phone.length() - 4);
    }

    /** An e-mail address with the first character of each side: {@code alice@example.com} becomes {@code a***@e***}. */
    public static String email(String email) {
        int at = email.lastIndexOf('@');
        if (at < 1 || at == email.length() - 1) {
            return "***";
        }
        return email.charAt(0) + "***@" + email.charAt(at + 1) + "***";
    }
}
