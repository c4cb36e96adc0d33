package io.gatehouse.engine.users;

/**
 * Where a code went, as Cognito reports it ({@code CodeDeliveryDetailsType}).
 *
 * @param destination the masked address, such as {@code a***@e***}
 * @param medium      {@code EMAIL} or {@code SMS}
 * @param attribute   the attribute the code verifies, such as {@code email}
 */
public record CodeDelivery(String destination, String medium, String attribute) {

    /** Masks a phone number the way Cognito does: only the last four digits show. */
    static String maskPhone(String phone) {
        return phone.length() <= 4 ? "***" : "+" + "*".repeat(phone.length() - 5) + phone.substring(phone.length() - 4);
    }

    /** Masks an e-mail address the way Cognito does: the first character of each side. */
    static String maskEmail(String email) {
        int at = email.indexOf('@');
        if (at < 1 || at == email.length() - 1) {
            return "***";
        }
        return email.charAt(0) + "***@" + email.charAt(at + 1) + "***";
    }
}
