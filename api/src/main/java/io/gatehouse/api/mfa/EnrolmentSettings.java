package io.gatehouse.api.mfa;

import java.util.Objects;

/**
 * How a method that needs enrolment labels what it shows the user: for TOTP, the issuer and account name an
 * authenticator app lists the key under.
 *
 * @param issuer      who issues the key, such as the pool's or the application's name
 * @param accountName whose key it is, usually the user name
 */
public record EnrolmentSettings(String issuer, String accountName) {

    public EnrolmentSettings {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(accountName, "accountName");
    }
}
