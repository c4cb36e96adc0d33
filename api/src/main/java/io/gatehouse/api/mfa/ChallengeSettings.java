package io.gatehouse.api.mfa;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The pool's settings for one challenge. An empty value means "the method's default", which the method takes
 * from its own options ({@code gatehouse.spi.mfa-method.<id>.*}).
 *
 * @param codeValidity    how long the answer is accepted; Cognito ties it to the app client's
 *                        {@code AuthSessionValidity} (3 minutes by default)
 * @param messageTemplate the text of the message that carries a code, with Cognito's {@value #CODE_PLACEHOLDER}
 *                        where the code goes: the pool's {@code SmsAuthenticationMessage} or
 *                        {@code EmailMfaConfiguration.Message}
 * @param emailSubject    the subject of an e-mail that carries a code: the pool's
 *                        {@code EmailMfaConfiguration.Subject}
 */
public record ChallengeSettings(Optional<Duration> codeValidity, Optional<String> messageTemplate,
                                Optional<String> emailSubject) {

    /** Where a message template takes the code. */
    public static final String CODE_PLACEHOLDER = "{####}";

    public ChallengeSettings {
        Objects.requireNonNull(codeValidity, "codeValidity");
        Objects.requireNonNull(messageTemplate, "messageTemplate");
        Objects.requireNonNull(emailSubject, "emailSubject");
        if (codeValidity.isPresent() && (codeValidity.get().isNegative() || codeValidity.get().isZero())) {
            throw new IllegalArgumentException("codeValidity must be positive: " + codeValidity.get());
        }
        if (messageTemplate.isPresent() && !messageTemplate.get().contains(CODE_PLACEHOLDER)) {
            throw new IllegalArgumentException("messageTemplate must contain " + CODE_PLACEHOLDER);
        }
    }

    /** Every value the method's default. */
    public static ChallengeSettings defaults() {
        return new ChallengeSettings(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** These settings with {@code validity} as the code validity. */
    public ChallengeSettings withCodeValidity(Duration validity) {
        return new ChallengeSettings(Optional.of(validity), messageTemplate, emailSubject);
    }
}
