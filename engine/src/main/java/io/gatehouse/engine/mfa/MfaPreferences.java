package io.gatehouse.engine.mfa;

import java.util.List;
import java.util.Optional;

/**
 * A user's second factors as Cognito reports them (GetUser, AdminGetUser) and as a sign-in chooses among them.
 *
 * @param settings every method the user set
 */
public record MfaPreferences(List<MfaSetting> settings) {

    public MfaPreferences {
        settings = List.copyOf(settings);
    }

    /** The methods sign-ins may ask for ({@code UserMFASettingList}), in a stable order. */
    public List<String> enabled() {
        return settings.stream().filter(s -> s.enabled() && s.verified()).map(MfaSetting::method).sorted().toList();
    }

    /** The method asked for when several are enabled ({@code PreferredMfaSetting}). */
    public Optional<String> preferred() {
        return settings.stream().filter(s -> s.enabled() && s.verified() && s.preferred()).map(MfaSetting::method)
                .findFirst();
    }

    /** The user's setting of {@code method}, if any. */
    public Optional<MfaSetting> of(String method) {
        return settings.stream().filter(s -> s.method().equals(method)).findFirst();
    }
}
