package io.gatehouse.api.message;

import java.util.List;
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
 * @param secrets     the parts of the body that are secret (the code, the temporary password): a sender that writes
 *                    messages where they must not appear whole, such as a log, writes {@link #redactedBody()}
 */
public record OutboundMessage(Channel channel, String destination, Optional<String> subject, String body,
                              List<String> secrets) {

    /** What {@link #redactedBody()} puts in place of each secret. */
    public static final String MASK = "****";

    public OutboundMessage {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(destination, "destination");
        subject = subject == null ? Optional.empty() : subject;
        Objects.requireNonNull(body, "body");
        secrets = secrets == null ? List.of() : secrets.stream().filter(s -> s != null && !s.isEmpty()).toList();
    }

    /** A message with no secret in its body. */
    public OutboundMessage(Channel channel, String destination, Optional<String> subject, String body) {
        this(channel, destination, subject, body, List.of());
    }

    /** The body with each secret replaced by {@value #MASK}. */
    public String redactedBody() {
        String redacted = body;
        for (String secret : secrets) {
            redacted = redacted.replace(secret, MASK);
        }
        return redacted;
    }

    @Override
    public String toString() {
        return "OutboundMessage[" + channel + " to ***" + destination.substring(Math.max(0, destination.length() - 4))
                + "]";
    }
}
