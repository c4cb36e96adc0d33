package io.gatehouse.api.message;

import java.util.Objects;
import java.util.Optional;

/**
 * A message for one user. Its body usually holds a one-time code or a temporary password, so its
 * {@link #toString()} shows neither the body nor the full destination.
 *
 * @param channel     SMS or e-mail
 * @param destination the phone number (E.164) or e-mail address
 * @param subject     the subject, for e-mail
 * @param body        the text
 */
public record OutboundMessage(Channel channel, String destination, Optional<String> subject, String body) {

    public OutboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(destination, "destination");
        subject = subject == null ? Optional.empty() : subject;
        Objects.requireNonNull(body, "body");
    }

    @Override
    public String toString() {
        return "OutboundMessage[" + channel + " to ***" + destination.substring(Math.max(0, destination.length() - 4))
                + "]";
    }
}
