package io.gatehouse.engine.threat.adaptive;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.engine.config.GatehouseConfig;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.messaging.MailSender;
import io.gatehouse.engine.threat.risk.AccountTakeoverAction;
import io.gatehouse.engine.userpool.UserPool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The e-mail a user gets about a sign-in at a level whose action has {@code Notify}: the pool's
 * {@code NotifyConfiguration} template for what was done ({@code BlockEmail}, {@code MfaEmail},
 * {@code NoActionEmail}), or Gatehouse's own where the pool set none, with one-click links that say whether it was
 * the user ({@link AuthEventFeedbackPage}). Sent to the user's {@code email} attribute; a user without one is not
 * told. A notice that cannot be sent does not fail the sign-in: it is logged (without the address) and dropped.
 */
@ApplicationScoped
public class RiskNotices {

    private static final Logger LOG = Logger.getLogger(RiskNotices.class.getName());

    static final String DEFAULT_SUBJECT = "New sign-in to your account";
    static final String DEFAULT_BODY = "Hello {username},\n\nSomeone signed in to your account at {login-time} from"
            + " {ip-address} ({device-name}).\n\nWas this you? Yes: {one-click-link-valid}\n"
            + "No: {one-click-link-invalid}\n";

    @Inject
    MailSender mail;

    @Inject
    FeedbackTokens tokens;

    @Inject
    GatehouseConfig config;

    /** E-mails the user about the sign-in recorded as {@code eventId}. */
    public void send(UserPool pool, UserRecord user, RiskDecision decision, String eventId) {
        String to = user.attributes().get("email");
        if (to == null || to.isBlank()) {
            return;
        }
        JsonNode template = decision.mails().path(templateName(decision.action()));
        String subject = template.path("Subject").asText(DEFAULT_SUBJECT);
        boolean html = template.hasNonNull("HtmlBody");
        String body = html ? template.get("HtmlBody").asText() : template.path("TextBody").asText(DEFAULT_BODY);
        String token = tokens.issue(pool.id(), user.sub(), eventId);
        Map<String, String> values = Map.of(
                "username", user.username(),
                "ip-address", decision.attempt().address(),
                "login-time", Instant.ofEpochMilli(decision.attempt().at()).toString(),
                "device-name", decision.attempt().deviceName(),
                "one-click-link-valid", link(pool, user, eventId, token, AuthEvent.VALID),
                "one-click-link-invalid", link(pool, user, eventId, token, AuthEvent.INVALID));
        try {
            mail.send(to, NoticeTemplate.render(subject, values, false), NoticeTemplate.render(body, values, html),
                    html);
        } catch (ServiceException e) {
            LOG.warning("A sign-in notice of pool " + pool.id() + " could not be sent: " + e.getMessage());
        }
    }

    /** The template of what was done: Cognito's three. */
    static String templateName(AccountTakeoverAction action) {
        return switch (action) {
            case BLOCK -> "BlockEmail";
            case MFA_IF_CONFIGURED, MFA_REQUIRED -> "MfaEmail";
            case NO_ACTION -> "NoActionEmail";
        };
    }

    private String link(UserPool pool, UserRecord user, String eventId, String token, String value) {
        return config.baseUrl() + "/" + AuthEventFeedbackPage.PATH + "?user_pool_id=" + encode(pool.id())
                + "&username=" + encode(user.username()) + "&event_id=" + encode(eventId) + "&token="
                + encode(token) + "&value=" + value;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
