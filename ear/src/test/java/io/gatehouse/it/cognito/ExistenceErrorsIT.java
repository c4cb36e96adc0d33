package io.gatehouse.it.cognito;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeDeliveryDetailsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PreventUserExistenceErrors (the default for new clients): ForgotPassword, ConfirmForgotPassword, ConfirmSignUp
 * and ResendConfirmationCode answer alike whether the name is unknown, a user who may use the flow, or one in a
 * state that would otherwise be told (disabled, awaiting a new password, no verified address, already confirmed).
 */
class ExistenceErrorsIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Mailbox.smtpServer();

    private static final String PASSWORD = "Correct-Horse-9";
    private static final String STRONG = "Brand-New-Pass-4";

    private static CognitoIdentityProviderClient cognito;
    private static String poolId;
    private static String clientId;

    @BeforeAll
    static void pool() {
        cognito = Gatehouse.adminClient();
        poolId = cognito.createUserPool(r -> r.poolName("existence")
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)).userPool().id();
        clientId = Clients.passwordClient(cognito, poolId);
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    /** One name of each kind the answers must not tell apart, freshly made for each test. */
    private static Map<String, String> names() throws Exception {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("unknown", "nobody-" + UUID.randomUUID());
        names.put("resettable", confirmedWithEmail());
        String disabled = confirmedWithEmail();
        cognito.adminDisableUser(r -> r.userPoolId(poolId).username(disabled));
        names.put("disabled", disabled);
        String invited = "invited-" + UUID.randomUUID();
        cognito.adminCreateUser(r -> r.userPoolId(poolId).username(invited).temporaryPassword("Temporary-Pass-1")
                .messageAction(MessageActionType.SUPPRESS).userAttributes(
                        AttributeType.builder().name("email").value(invited + "@example.com").build(),
                        AttributeType.builder().name("email_verified").value("true").build()));
        names.put("awaiting a new password", invited);
        String unverified = "plain-" + UUID.randomUUID();
        cognito.signUp(r -> r.clientId(clientId).username(unverified).password(PASSWORD));
        cognito.adminConfirmSignUp(r -> r.userPoolId(poolId).username(unverified));
        names.put("no verified address", unverified);
        return names;
    }

    @Test
    void forgotPasswordWhenAnyKindOfNameThenTheSameShapeOfAnswer() throws Exception {
        Map<String, String> names = names();
        List<String> shapes = new ArrayList<>();

        for (Map.Entry<String, String> name : names.entrySet()) {
            CodeDeliveryDetailsType details = cognito.forgotPassword(r -> r.clientId(clientId)
                    .username(name.getValue())).codeDeliveryDetails();
            shapes.add(details.deliveryMediumAsString() + " " + details.attributeName() + " "
                    + details.destination().replaceAll("[a-z]", "x"));
        }

        assertThat(shapes).as(names.keySet().toString()).containsOnly("EMAIL email x***@x***");
    }

    @Test
    void confirmForgotPasswordWhenAnyKindOfNameThenTheSameErrors() throws Exception {
        Map<String, String> names = names();
        // Before any code was asked for, with a weak password, with a wrong code once one was asked for.
        Map<String, List<String>> answers = new LinkedHashMap<>();
        for (Map.Entry<String, String> name : names.entrySet()) {
            String username = name.getValue();
            List<String> seen = new ArrayList<>();
            seen.add(error(c -> c.confirmForgotPassword(r -> r.clientId(clientId).username(username)
                    .confirmationCode("123456").password(STRONG))));
            seen.add(error(c -> c.confirmForgotPassword(r -> r.clientId(clientId).username(username)
                    .confirmationCode("123456").password("weak"))));
            cognito.forgotPassword(r -> r.clientId(clientId).username(username));
            String wrong = name.getKey().equals("resettable")
                    ? wrongCode(Mailbox.lastCodeTo(MAIL, emailOf(username))) : "123456";
            seen.add(error(c -> c.confirmForgotPassword(r -> r.clientId(clientId).username(username)
                    .confirmationCode(wrong).password(STRONG))));
            answers.put(name.getKey(), seen);
        }

        assertThat(answers.values()).as(answers.toString()).containsOnly(List.of("ExpiredCodeException",
                "InvalidPasswordException", "CodeMismatchException"));
    }

    @Test
    void forgotPasswordWhenAskedTooOftenThenLimitExceededForEveryKindOfName() throws Exception {
        Map<String, String> names = names();
        Map<String, String> sixth = new LinkedHashMap<>();

        for (Map.Entry<String, String> name : names.entrySet()) {
            for (int i = 0; i < 5; i++) {
                cognito.forgotPassword(r -> r.clientId(clientId).username(name.getValue()));
            }
            sixth.put(name.getKey(), error(c -> c.forgotPassword(r -> r.clientId(clientId).username(name.getValue()))));
        }

        assertThat(sixth.values()).as(sixth.toString()).containsOnly("LimitExceededException");
    }

    @Test
    void confirmationCallsWhenUserUnknownOrAlreadyConfirmedThenTheSameAnswers() throws Exception {
        String unknown = "nobody-" + UUID.randomUUID();
        String confirmed = confirmedWithEmail();
        Map<String, List<String>> answers = new LinkedHashMap<>();

        for (String username : List.of(unknown, confirmed)) {
            List<String> seen = new ArrayList<>();
            seen.add(error(c -> c.confirmSignUp(r -> r.clientId(clientId).username(username)
                    .confirmationCode("123456"))));
            CodeDeliveryDetailsType details = cognito.resendConfirmationCode(r -> r.clientId(clientId)
                    .username(username)).codeDeliveryDetails();
            seen.add(details.deliveryMediumAsString() + " " + details.destination().replaceAll("[a-z]", "x"));
            seen.add(error(c -> c.confirmSignUp(r -> r.clientId(clientId).username(username)
                    .confirmationCode("123456"))));
            answers.put(username.equals(unknown) ? "unknown" : "confirmed", seen);
        }

        assertThat(answers.values()).as(answers.toString()).containsOnly(List.of("CodeMismatchException",
                "EMAIL x***@x***", "CodeMismatchException"));
    }

    private static String confirmedWithEmail() throws Exception {
        String username = "user-" + UUID.randomUUID();
        cognito.signUp(r -> r.clientId(clientId).username(username).password(PASSWORD)
                .userAttributes(AttributeType.builder().name("email").value(emailOf(username)).build()));
        String code = Mailbox.lastCodeTo(MAIL, emailOf(username));
        cognito.confirmSignUp(r -> r.clientId(clientId).username(username).confirmationCode(code));
        return username;
    }

    private static String emailOf(String username) {
        return username + "@example.com";
    }

    private static String wrongCode(String right) {
        return right.equals("123456") ? "654321" : "123456";
    }

    /** The Cognito error type a call answers with, or "no error". */
    private static String error(Consumer<CognitoIdentityProviderClient> call) {
        try {
            call.accept(cognito);
            return "no error";
        } catch (CognitoIdentityProviderException e) {
            return e.awsErrorDetails().errorCode();
        }
    }
}
