package io.gatehouse.engine.threat.adaptive;

import io.gatehouse.engine.security.DataKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * The FeedbackToken of an auth event's one-click links (UpdateAuthEventFeedback): a MAC under the server's data key
 * over the pool, the user and the event, so whoever holds the notice e-mail can give feedback on that one event of
 * that one user, and no one can make a token for another. It does not expire: it only ever says "this was me" or
 * "this was not me" about one event, which the event's owner may say again at any time.
 */
@ApplicationScoped
public class FeedbackTokens {

    @Inject
    DataKey dataKey;

    /** The token for feedback on {@code eventId} of {@code sub}. */
    public String issue(String userPoolId, String sub, String eventId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(dataKey.mac(data(userPoolId, sub, eventId)));
    }

    /** Whether {@code token} is the one issued for that event. */
    public boolean valid(String userPoolId, String sub, String eventId, String token) {
        return MessageDigest.isEqual(issue(userPoolId, sub, eventId).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    private static String data(String userPoolId, String sub, String eventId) {
        return "auth-event-feedback\n" + userPoolId + "\n" + sub + "\n" + eventId;
    }
}
