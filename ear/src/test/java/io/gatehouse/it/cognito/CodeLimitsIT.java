package io.gatehouse.it.cognito;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The limits on one-time codes that hold across re-issued codes: a new code does not buy new guesses, and codes
 * are not sent without end (the "resend, guess five times, repeat" brute force of a six-digit code).
 */
class CodeLimitsIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Mailbox.smtpServer();

    private static final String PASSWORD = "Correct-Horse-9";

    private static CognitoIdentityProviderClient cognito;
    private static String poolId;
    private static String clientId;

    @BeforeAll
    static void pool() {
        cognito = Gatehouse.adminClient();
        poolId = cognito.createUserPool(r -> r.poolName("code-limits")
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)).userPool().id();
        clientId = Clients.passwordClient(cognito, poolId);
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    @Test
    void confirmSignUpWhenCodesResentBetweenWrongGuessesThenTheGuessesStillAddUp() throws Exception {
        String email = "guess-" + UUID.randomUUID() + "@example.com";
        String username = signUp(email);
        String code = Mailbox.lastCodeTo(MAIL, email);

        int guesses = guessWrong(username, code, 20);
        assertThat(guesses).as("wrong guesses taken for the first code").isEqualTo(5);
        String second = Mailbox.nextCodeTo(MAIL, email, () -> resend(username));
        guesses += guessWrong(username, second, 20);
        String third = Mailbox.nextCodeTo(MAIL, email, () -> resend(username));

        assertThat(guesses).as("wrong guesses taken in the window, across codes").isEqualTo(10);
        assertThatThrownBy(() -> confirm(username, third))
                .as("even the right code, once the window's guesses are spent")
                .isInstanceOf(LimitExceededException.class);
        assertThat(cognito.adminGetUser(r -> r.userPoolId(poolId).username(username)).userStatus())
                .isEqualTo(UserStatusType.UNCONFIRMED);
    }

    @Test
    void resendConfirmationCodeWhenAskedTooOftenThenLimitExceededAndTheLastCodeStillWorks() throws Exception {
        String email = "resend-" + UUID.randomUUID() + "@example.com";
        String username = signUp(email);
        String last = Mailbox.lastCodeTo(MAIL, email);
        // The sign-up's code is the first of five codes a window allows.
        for (int i = 0; i < 4; i++) {
            last = Mailbox.nextCodeTo(MAIL, email, () -> resend(username));
        }

        assertThatThrownBy(() -> resend(username)).isInstanceOf(LimitExceededException.class)
                .hasMessageContaining("Attempt limit exceeded");
        confirm(username, last);
        assertThat(cognito.adminGetUser(r -> r.userPoolId(poolId).username(username)).userStatus())
                .isEqualTo(UserStatusType.CONFIRMED);
    }

    @Test
    void forgotPasswordWhenAskedTooOftenThenLimitExceeded() throws Exception {
        String email = "reset-" + UUID.randomUUID() + "@example.com";
        String username = signUp(email);
        confirm(username, Mailbox.lastCodeTo(MAIL, email));
        for (int i = 0; i < 5; i++) {
            Mailbox.nextCodeTo(MAIL, email, () -> cognito.forgotPassword(r -> r.clientId(clientId).username(username)));
        }

        assertThatThrownBy(() -> cognito.forgotPassword(r -> r.clientId(clientId).username(username)))
                .isInstanceOf(LimitExceededException.class);
    }

    /** Guesses codes other than {@code right} until refused for the limit; returns how many were taken as wrong. */
    private static int guessWrong(String username, String right, int most) {
        for (int i = 0; i < most; i++) {
            String guess = String.format("%06d", (Integer.parseInt(right) + 1 + i) % 1_000_000);
            try {
                confirm(username, guess);
                throw new AssertionError("a wrong code was accepted");
            } catch (CodeMismatchException e) {
                continue;
            } catch (LimitExceededException e) {
                return i;
            }
        }
        return most;
    }

    private static String signUp(String email) {
        String username = "user-" + UUID.randomUUID();
        cognito.signUp(r -> r.clientId(clientId).username(username).password(PASSWORD)
                .userAttributes(AttributeType.builder().name("email").value(email).build()));
        return username;
    }

    private static void resend(String username) {
        cognito.resendConfirmationCode(r -> r.clientId(clientId).username(username));
    }

    private static void confirm(String username, String code) {
        cognito.confirmSignUp(r -> r.clientId(clientId).username(username).confirmationCode(code));
    }
}
