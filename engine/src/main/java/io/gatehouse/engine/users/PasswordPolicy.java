package io.gatehouse.engine.users;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.engine.error.ServiceException;

import java.util.ArrayList;
import java.util.List;

/**
 * A pool's password rules ({@code Policies.PasswordPolicy}). Symbols are Cognito's set:
 * {@code ^ $ * . [ ] { } ( ) ? " ! @ # % & / \ , > < ' : ; | _ ~ ` = + -} and the space.
 */
record PasswordPolicy(int minimumLength, boolean uppercase, boolean lowercase, boolean numbers, boolean symbols) {

    private static final String SYMBOLS = "^$*.[]{}()?\"!@#%&/\\,><':;|_~`=+- ";

    static PasswordPolicy of(JsonNode poolSettings) {
        JsonNode p = poolSettings.path("Policies").path("PasswordPolicy");
        return new PasswordPolicy(p.path("MinimumLength").asInt(8), p.path("RequireUppercase").asBoolean(true),
                p.path("RequireLowercase").asBoolean(true), p.path("RequireNumbers").asBoolean(true),
                p.path("RequireSymbols").asBoolean(true));
    }

    /**
     * @throws ServiceException {@code InvalidPasswordException} naming every rule the password breaks
     */
    void check(String password) {
        List<String> broken = new ArrayList<>();
        if (password.codePointCount(0, password.length()) < minimumLength) {
            broken.add("Password not long enough");
        }
        if (uppercase && password.chars().noneMatch(Character::isUpperCase)) {
            broken.add("Password must have uppercase characters");
        }
        if (lowercase && password.chars().noneMatch(Character::isLowerCase)) {
            broken.add("Password must have lowercase characters");
        }
        if (numbers && password.chars().noneMatch(c -> c >= '0' && c <= '9')) {
            broken.add("Password must have numeric characters");
        }
        if (symbols && password.chars().noneMatch(c -> SYMBOLS.indexOf(c) >= 0)) {
            broken.add("Password must have symbol characters");
        }
        if (!broken.isEmpty()) {
            throw new ServiceException("InvalidPasswordException",
                    "Password did not conform with policy: " + String.join("; ", broken));
        }
    }
}
