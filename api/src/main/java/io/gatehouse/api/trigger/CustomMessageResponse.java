package io.gatehouse.api.trigger;

import java.util.Objects;
import java.util.Optional;

/**
 * The messages a CustomMessage trigger wrote; an absent one keeps the pool's.
 *
 * @param smsMessage the SMS text, with the code placeholder
 * @param emailMessage the e-mail body, with the code placeholder
 * @param emailSubject the e-mail subject
 */
public record CustomMessageResponse(Optional<String> smsMessage, Optional<String> emailMessage,
                                    Optional<String> emailSubject) {

    public CustomMessageResponse {
        Objects.requireNonNull(smsMessage, "smsMessage");
        Objects.requireNonNull(emailMessage, "emailMessage");
        Objects.requireNonNull(emailSubject, "emailSubject");
    }
}
