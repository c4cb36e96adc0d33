package io.gatehouse.engine.messaging;

import io.gatehouse.api.message.Channel;
import io.gatehouse.engine.userpool.UserPool;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A message that carries a code or a temporary password to a user, before the pool's triggers have had their say:
 * why it is sent, to whom, the pool's own text for it, and the secret that goes in place of {@value
 * MessageTemplate#CODE}.
 *
 * @param pool           the user's pool
 * @param source         why it is sent, as Cognito's trigger sources name it
 * @param username       the user's name: the events' {@code userName}, and what stands for {@value MessageTemplate#USERNAME}
 * @param userAttributes the user's attributes as events show them (with sub and cognito:user_status)
 * @param channel        e-mail or SMS
 * @param destination    the address or phone number
 * @param subject        the pool's subject, for e-mail
 * @param poolMessage    the pool's text
 * @param code           the code or temporary password; never logged
 * @param clientId       the app client of the call, if it named one
 * @param clientMetadata the call's ClientMetadata
 */
public record CodeMessage(UserPool pool, Source source, String username, Map<String, String> userAttributes,
                          Channel channel, String destination, Optional<String> subject, MessageTemplate poolMessage,
                          String code, Optional<String> clientId, Map<String, String> clientMetadata) {

    /** Why a message is sent: the suffix of Cognito's CustomMessage_, CustomEmailSender_ and CustomSMSSender_ sources. */
    public enum Source {
        SIGN_UP("SignUp"),
        ADMIN_CREATE_USER("AdminCreateUser"),
        RESEND_CODE("ResendCode"),
        FORGOT_PASSWORD("ForgotPassword"),
        UPDATE_USER_ATTRIBUTE("UpdateUserAttribute"),
        VERIFY_USER_ATTRIBUTE("VerifyUserAttribute"),
        AUTHENTICATION("Authentication");

        private final String suffix;

        Source(String suffix) {
            this.suffix = suffix;
        }

        public String suffix() {
            return suffix;
        }
    }

    /** Where a message comes from: its source, and the app client and ClientMetadata of the call that sends it. */
    public record Origin(Source source, Optional<String> clientId, Map<String, String> clientMetadata) {
        public Origin {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(clientId, "clientId");
            clientMetadata = Map.copyOf(clientMetadata);
        }

        /** An origin without a client or metadata. */
        public static Origin of(Source source) {
            return new Origin(source, Optional.empty(), Map.of());
        }

        /** This origin with the call's ClientMetadata. */
        public Origin withMetadata(Map<String, String> metadata) {
            return new Origin(source, clientId, metadata);
        }
    }

    public CodeMessage {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(username, "username");
        userAttributes = Map.copyOf(userAttributes);
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(poolMessage, "poolMessage");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(clientId, "clientId");
        clientMetadata = Map.copyOf(clientMetadata);
    }

    /** A message of this origin. */
    public static CodeMessage of(UserPool pool, Origin origin, String username, Map<String, String> userAttributes,
                                 Channel channel, String destination, Optional<String> subject,
                                 MessageTemplate poolMessage, String code) {
        return new CodeMessage(pool, origin.source(), username, userAttributes, channel, destination, subject,
                poolMessage, code, origin.clientId(), origin.clientMetadata());
    }

    /** An invitation: its text must hold the user name as well as the temporary password. */
    public boolean invitation() {
        return source == Source.ADMIN_CREATE_USER;
    }

    /** Never shows the code, the destination or the attributes. */
    @Override
    public String toString() {
        return "CodeMessage[" + source + " by " + channel + " in " + pool.id() + "]";
    }
}
