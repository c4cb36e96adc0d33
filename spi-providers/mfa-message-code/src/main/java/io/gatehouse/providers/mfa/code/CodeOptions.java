package io.gatehouse.providers.mfa.code;

import io.gatehouse.api.mfa.ChallengeSettings;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderInitializationException;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The server-level defaults of a method that sends codes, used where the pool's settings say nothing. Options
 * {@code code-validity-seconds} (30 to 86400, default 180: Cognito's three minutes), {@code message} (must hold
 * {@value ChallengeSettings#CODE_PLACEHOLDER}) and, for e-mail, {@code subject}.
 *
 * @param codeValidity how long a code is accepted
 * @param message      the message template
 * @param subject      the e-mail subject; empty for SMS
 */
public record CodeOptions(Duration codeValidity, String message, Optional<String> subject) {

    /** Cognito's three minutes. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofMinutes(3);

    public CodeOptions {
        Objects.requireNonNull(codeValidity, "codeValidity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(subject, "subject");
    }

    /**
     * Reads the options, falling back to the method's defaults.
     *
     * @throws ProviderInitializationException when an option is out of range or the message has no placeholder
     */
    public static CodeOptions read(ProviderConfig config, String defaultMessage, Optional<String> defaultSubject)
            throws ProviderInitializationException {
        int seconds = config.getInt("code-validity-seconds", (int) DEFAULT_VALIDITY.toSeconds());
        if (seconds < 30 || seconds > 86_400) {
            throw new ProviderInitializationException(
                    "option 'code-validity-seconds' must be 30 to 86400, not " + seconds);
        }
        String message = config.get("message", defaultMessage);
        if (!message.contains(ChallengeSettings.CODE_PLACEHOLDER)) {
            throw new ProviderInitializationException(
                    "option 'message' must contain " + ChallengeSettings.CODE_PLACEHOLDER + ", where the code goes");
        }
        Optional<String> subject = defaultSubject.isPresent()
                ? Optional.of(config.get("subject", defaultSubject.get()))
                : Optional.empty();
        return new CodeOptions(Duration.ofSeconds(seconds), message, subject);
    }
}
