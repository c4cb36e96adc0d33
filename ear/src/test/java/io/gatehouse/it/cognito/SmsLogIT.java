package io.gatehouse.it.cognito;

import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The development SMS sender ("log", the default) writes texts to the server log with their code or temporary
 * password masked: read from messages.log, as an operator or a log shipper would.
 */
class SmsLogIT {

    private static final Random RANDOM = new Random();

    private static CognitoIdentityProviderClient cognito;

    @BeforeAll
    static void client() {
        cognito = Gatehouse.adminClient();
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    @Test
    void adminCreateUserWhenInvitedBySmsThenTemporaryPasswordNotInLog() throws Exception {
        String pool = cognito.createUserPool(r -> r.poolName("sms-invites")).userPool().id();
        String phone = phone();
        String password = "Temp-" + UUID.randomUUID() + "-Aa1!";

        cognito.adminCreateUser(r -> r.userPoolId(pool).username("texted-" + UUID.randomUUID())
                .temporaryPassword(password).desiredDeliveryMediums(DeliveryMediumType.SMS)
                .userAttributes(attribute("phone_number", phone)));

        String line = loggedTextTo(phone);
        assertThat(line).contains("temporary password is ****.").doesNotContain(password);
        assertThat(messagesLog()).doesNotContain(password);
    }

    @Test
    void signUpWhenCodeTextedThenCodeNotInLog() throws Exception {
        String pool = cognito.createUserPool(r -> r.poolName("sms-codes")
                .autoVerifiedAttributes(VerifiedAttributeType.PHONE_NUMBER)
                .smsVerificationMessage("Your Gatehouse code is {####}.")).userPool().id();
        String client = Clients.passwordClient(cognito, pool);
        String phone = phone();

        cognito.signUp(r -> r.clientId(client).username("coded-" + UUID.randomUUID()).password("Sign-Up-Pass-1")
                .userAttributes(attribute("phone_number", phone)));

        String text = loggedTextTo(phone);
        assertThat(text.substring(text.indexOf(phone) + phone.length())).isEqualTo(": Your Gatehouse code is ****.");
    }

    private static String phone() {
        return "+1555" + (1_000_000 + RANDOM.nextInt(8_999_999));
    }

    /** The logged text to {@code phone}; the log is written a moment after the call answers. */
    private static String loggedTextTo(String phone) throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            List<String> lines = messagesLog().lines().filter(l -> l.contains("SMS to " + phone + ": ")).toList();
            if (!lines.isEmpty()) {
                assertThat(lines).hasSize(1);
                return lines.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no SMS to " + phone + " in messages.log");
    }

    private static String messagesLog() throws Exception {
        return Files.readString(Path.of(Gatehouse.serverDir().toString(), "logs", "messages.log"));
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }
}
