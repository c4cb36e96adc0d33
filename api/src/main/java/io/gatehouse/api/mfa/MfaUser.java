package io.gatehouse.api.mfa;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The user an MFA method works for: who they are and the attributes a method may need (a method that sends codes
 * reads {@code phone_number} or {@code email}). Its {@link #toString()} names the pool and the user only, since
 * attributes are personal data.
 *
 * @param userPoolId the user's pool
 * @param sub        the user's stable identifier; states are bound to it
 * @param username   the user name, as a method may show it (an authenticator app's account label)
 * @param attributes the user's attributes by Cognito name ({@code phone_number}, {@code phone_number_verified},
 *                   {@code email}, {@code email_verified}, ...); copied
 */
public record MfaUser(String userPoolId, String sub, String username, Map<String, String> attributes) {

    public MfaUser {
        Objects.requireNonNull(userPoolId, "userPoolId");
        Objects.requireNonNull(sub, "sub");
        Objects.requireNonNull(username, "username");
        attributes = Map.copyOf(attributes);
    }

    /** The attribute's value, or empty when the user has none or it is blank. */
    public Optional<String> attribute(String name) {
        return Optional.ofNullable(attributes.get(name)).filter(value -> !value.isBlank());
    }

    @Override
    public String toString() {
        return "MfaUser[" + userPoolId + "/" + sub + "]";
    }
}
