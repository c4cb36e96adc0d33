package io.gatehouse.it.cognito;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.gatehouse.it.Gatehouse;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sign-up and confirmation over the Cognito API, with the codes read from a real SMTP server (GreenMail). */
class SignUpIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Mailbox.smtpServer();
    private static final String PASSWORD = "Correct-Horse-9";

    private static CognitoIdentityProviderClient cognito;
    private static String poolId;
    private static String clientId;

    @BeforeAll
    static void pool() {
        cognito = Gatehouse.adminClient();
        poolId = cognito.createUserPool(r -> r.poolName("sign-up")
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .verificationMessageTemplate(t -> t.emailSubject("Welcome to Example")
                        .emailMessage("Hello {username}, your code is {####}."))
                .schema(SchemaAttributeType.builder().name("email").required(true).build()))
                .userPool().id();
        clientId = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("app")).userPoolClient()
                .clientId();
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    @Test
    void signUpWhenValidThenUnconfirmedUserAndCodeMailedThenConfirmSignUpConfirms() throws Exception {
        String username = "alice-" + UUID.randomUUID();
        String email = "alice-" + UUID.randomUUID() + "@example.com";

        SignUpResponse response = cognito.signUp(r -> r.clientId(clientId).username(username).password(PASSWORD)
                .userAttributes(attribute("email", email), attribute("name", "Alice")));

        assertThat(response.userConfirmed()).isFalse();
        assertThat(response.userSub()).matches("[0-9a-f-]{36}");
        assertThat(response.codeDeliveryDetails().deliveryMedium()).isEqualTo(DeliveryMediumType.EMAIL);
        assertThat(response.codeDeliveryDetails().attributeName()).isEqualTo("email");
        assertThat(response.codeDeliveryDetails().destination()).isEqualTo("a***@e***");
        MimeMessage mail = lastMailTo(email);
        assertThat(mail.getSubject()).isEqualTo("Welcome to Example");
        assertThat(GreenMailUtil.getBody(mail)).startsWith("Hello " + username + ", your code is ");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("gatehouse@example.com");
        String code = code(mail);

        String wrong = code.equals("000000") ? "111111" : "000000";
        assertThatThrownBy(() -> cognito.confirmSignUp(r -> r.clientId(clientId).username(username)
                .confirmationCode(wrong))).isInstanceOf(CodeMismatchException.class);
        cognito.confirmSignUp(r -> r.clientId(clientId).username(username).confirmationCode(code));

        // The client prevents user existence errors (the default): a confirmed user's answer is an unknown name's.
        assertThatThrownBy(() -> cognito.confirmSignUp(r -> r.clientId(clientId).username(username)
                .confirmationCode(code))).isInstanceOf(CodeMismatchException.class);
    }

    @Test
    void signUpWhenPoolAllowsOnlyAdminsToCreateUsersThenNotAuthorized() {
        String closed = cognito.createUserPool(r -> r.poolName("admins-only")
                .adminCreateUserConfig(c -> c.allowAdminCreateUserOnly(true))).userPool().id();
        String app = cognito.createUserPoolClient(r -> r.userPoolId(closed).clientName("app")).userPoolClient()
                .clientId();

        assertThatThrownBy(() -> cognito.signUp(r -> r.clientId(app).username("mallory").password(PASSWORD)))
                .isInstanceOf(NotAuthorizedException.class).hasMessageContaining("not permitted");
        assertThat(cognito.listUsers(r -> r.userPoolId(closed)).users()).isEmpty();
    }

    @Test
    void signUpWhenUsernameTakenThenUsernameExists() {
        String username = "bob-" + UUID.randomUUID();
        signUp(username, "bob-" + UUID.randomUUID() + "@example.com");

        assertThatThrownBy(() -> signUp(username, "other-" + UUID.randomUUID() + "@example.com"))
                .isInstanceOf(UsernameExistsException.class);
    }

    @Test
    void signUpWhenInvalidThenCognitoErrorAndNoUserCreated() {
        String username = "carol-" + UUID.randomUUID();
        String email = "carol-" + UUID.randomUUID() + "@example.com";

        assertThatThrownBy(() -> cognito.signUp(r -> r.clientId(clientId).username(username).password("short")
                .userAttributes(attribute("email", email))))
                .isInstanceOf(InvalidPasswordException.class)
                .hasMessageContaining("Password did not conform with policy");
        assertThatThrownBy(() -> cognito.signUp(r -> r.clientId(clientId).username(username).password(PASSWORD)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("email: The attribute is required");
        assertThatThrownBy(() -> cognito.signUp(r -> r.clientId(clientId).username(username).password(PASSWORD)
                .userAttributes(attribute("email", email), attribute("custom:nope", "x"))))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> cognito.signUp(r -> r.clientId("nosuchclient0000000000000a").username(username)
                .password(PASSWORD))).isInstanceOf(ResourceNotFoundException.class);

        // None of the failed calls left a user or a mail behind: the name is free, and one mail arrives.
        int before = MAIL.getReceivedMessages().length;
        signUp(username, email);
        assertThat(MAIL.getReceivedMessages()).hasSize(before + 1);
    }

    @Test
    void resendConfirmationCodeWhenAskedThenNewCodeWorksAndOldDoesNot() throws Exception {
        String username = "dave-" + UUID.randomUUID();
        String email = "dave-" + UUID.randomUUID() + "@example.com";
        signUp(username, email);
        String first = code(lastMailTo(email));

        String second = Mailbox.nextCodeTo(MAIL, email, () -> assertThat(cognito.resendConfirmationCode(r -> r
                .clientId(clientId).username(username)).codeDeliveryDetails().destination()).isEqualTo("d***@e***"));

        if (!first.equals(second)) {
            assertThatThrownBy(() -> cognito.confirmSignUp(r -> r.clientId(clientId).username(username)
                    .confirmationCode(first))).isInstanceOf(CodeMismatchException.class);
        }
        cognito.confirmSignUp(r -> r.clientId(clientId).username(username).confirmationCode(second));
        // The client prevents user existence errors (the default): a confirmed user gets the answer an unknown
        // name gets, and nothing is sent.
        int sent = MAIL.getReceivedMessages().length;
        assertThat(cognito.resendConfirmationCode(r -> r.clientId(clientId).username(username))
                .codeDeliveryDetails().deliveryMediumAsString()).isEqualTo("EMAIL");
        assertThat(MAIL.getReceivedMessages()).hasSize(sent);
    }

    @Test
    void confirmSignUpWhenFiveWrongCodesThenLimitExceededEvenForTheRightOne() throws Exception {
        String username = "erin-" + UUID.randomUUID();
        String email = "erin-" + UUID.randomUUID() + "@example.com";
        signUp(username, email);
        String code = code(lastMailTo(email));
        String wrong = code.equals("999999") ? "888888" : "999999";

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> cognito.confirmSignUp(r -> r.clientId(clientId).username(username)
                    .confirmationCode(wrong))).isInstanceOf(CodeMismatchException.class);
        }
        assertThatThrownBy(() -> cognito.confirmSignUp(r -> r.clientId(clientId).username(username)
                .confirmationCode(code))).isInstanceOf(LimitExceededException.class);
    }

    @Test
    void confirmSignUpWhenUserUnknownThenLooksLikeAWrongCode() {
        assertThatThrownBy(() -> cognito.confirmSignUp(r -> r.clientId(clientId).username("nobody-" + UUID.randomUUID())
                .confirmationCode("123456"))).isInstanceOf(CodeMismatchException.class);
    }

    @Test
    void signUpWhenClientHasSecretThenSecretHashRequired() throws Exception {
        var client = cognito.createUserPoolClient(r -> r.userPoolId(poolId).clientName("confidential")
                .generateSecret(true)).userPoolClient();
        String username = "frank-" + UUID.randomUUID();
        String email = "frank-" + UUID.randomUUID() + "@example.com";

        assertThatThrownBy(() -> cognito.signUp(r -> r.clientId(client.clientId()).username(username)
                .password(PASSWORD).userAttributes(attribute("email", email))))
                .isInstanceOf(NotAuthorizedException.class).hasMessageContaining("secret was not received");
        assertThatThrownBy(() -> cognito.signUp(r -> r.clientId(client.clientId()).username(username)
                .password(PASSWORD).secretHash("bm90IHRoZSBoYXNo").userAttributes(attribute("email", email))))
                .isInstanceOf(NotAuthorizedException.class).hasMessageContaining("Unable to verify secret hash");

        String hash = Clients.secretHash(client.clientSecret(), username, client.clientId());
        assertThat(cognito.signUp(r -> r.clientId(client.clientId()).username(username).password(PASSWORD)
                .secretHash(hash).userAttributes(attribute("email", email))).userConfirmed()).isFalse();
    }

    @Test
    void signUpWhenPoolSignsInWithEmailThenEmailIsTheNameAndUnique() throws Exception {
        String pool = cognito.createUserPool(r -> r.poolName("email-usernames")
                .usernameAttributes(UsernameAttributeType.EMAIL)
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)).userPool().id();
        String client = cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("app")).userPoolClient()
                .clientId();
        String email = "gina-" + UUID.randomUUID() + "@example.com";

        SignUpResponse response = cognito.signUp(r -> r.clientId(client).username(email).password(PASSWORD));
        assertThat(response.codeDeliveryDetails().destination()).isEqualTo("g***@e***");
        assertThatThrownBy(() -> cognito.signUp(r -> r.clientId(client).username(email).password(PASSWORD)))
                .isInstanceOf(UsernameExistsException.class).hasMessageContaining("email");

        String code = code(lastMailTo(email));
        cognito.confirmSignUp(r -> r.clientId(client).username(email).confirmationCode(code));
    }

    @Test
    void adminConfirmSignUpWhenPoolVerifiesNothingThenNoCodeAndAdminConfirms() {
        String pool = cognito.createUserPool(r -> r.poolName("admin-confirmed")).userPool().id();
        String client = cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("app")).userPoolClient()
                .clientId();
        String username = "hal-" + UUID.randomUUID();

        SignUpResponse response = cognito.signUp(r -> r.clientId(client).username(username).password(PASSWORD));
        assertThat(response.codeDeliveryDetails()).isNull();
        assertThat(cognito.describeUserPool(r -> r.userPoolId(pool)).userPool().estimatedNumberOfUsers()).isEqualTo(1);

        cognito.adminConfirmSignUp(r -> r.userPoolId(pool).username(username));
        assertThatThrownBy(() -> cognito.adminConfirmSignUp(r -> r.userPoolId(pool).username(username)))
                .isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void signUpWhenPoolVerifiesPhonesThenCodeTextedThroughTheMessageSender() throws Exception {
        String pool = cognito.createUserPool(r -> r.poolName("phones")
                .autoVerifiedAttributes(VerifiedAttributeType.PHONE_NUMBER)
                .smsVerificationMessage("Gatehouse code {####}")).userPool().id();
        String client = Clients.passwordClient(cognito, pool);
        String username = "phil-" + UUID.randomUUID();
        String phone = "+1555" + (1_000_000 + new java.util.Random().nextInt(8_999_999));

        SignUpResponse response = cognito.signUp(r -> r.clientId(client).username(username).password(PASSWORD)
                .userAttributes(attribute("phone_number", phone)));

        assertThat(response.codeDeliveryDetails().deliveryMedium()).isEqualTo(DeliveryMediumType.SMS);
        assertThat(response.codeDeliveryDetails().attributeName()).isEqualTo("phone_number");
        assertThat(response.codeDeliveryDetails().destination()).endsWith(phone.substring(phone.length() - 4))
                .doesNotContain(phone.substring(1, 6));
        String code = lastTextedCode(phone);
        cognito.confirmSignUp(r -> r.clientId(client).username(username).confirmationCode(code));

        // The confirmed phone is verified: a forgotten password is reset by SMS.
        // With PreventUserExistenceErrors the text leaves just after the answer: wait for it.
        int texted = textsTo(phone).size();
        assertThat(cognito.forgotPassword(r -> r.clientId(client).username(username)).codeDeliveryDetails()
                .deliveryMedium()).isEqualTo(DeliveryMediumType.SMS);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (textsTo(phone).size() == texted && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        String reset = lastTextedCode(phone);
        cognito.confirmForgotPassword(r -> r.clientId(client).username(username).confirmationCode(reset)
                .password("Brand-New-Pass-4"));

        // A changed number is unverified until the texted code comes back.
        String access = cognito.initiateAuth(r -> r.clientId(client)
                .authFlow(software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(java.util.Map.of("USERNAME", username, "PASSWORD", "Brand-New-Pass-4")))
                .authenticationResult().accessToken();
        String newPhone = "+1555" + (1_000_000 + new java.util.Random().nextInt(8_999_999));
        assertThat(cognito.updateUserAttributes(r -> r.accessToken(access).userAttributes(
                attribute("phone_number", newPhone))).codeDeliveryDetailsList()).singleElement()
                .satisfies(d -> assertThat(d.deliveryMedium()).isEqualTo(DeliveryMediumType.SMS));
        String verify = lastTextedCode(newPhone);
        cognito.verifyUserAttribute(r -> r.accessToken(access).attributeName("phone_number").code(verify));
        assertThat(cognito.getUser(r -> r.accessToken(access)).userAttributes())
                .anySatisfy(a -> assertThat(a.name() + "=" + a.value()).isEqualTo("phone_number_verified=true"));
    }

    /**
     * The development sender ("log") masks codes in messages.log; with the trace the test servers turn on
     * ({@code io.gatehouse.sms-outbox=fine}) it writes each text whole to trace.log, the code ending the newest.
     */
    private static String lastTextedCode(String phone) throws Exception {
        List<String> texts = textsTo(phone);
        assertThat(texts).as("texts to " + phone).isNotEmpty();
        String text = texts.get(texts.size() - 1);
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("(\\d{6})\\D*$").matcher(text);
        assertThat(code.find()).as(text).isTrue();
        return code.group(1);
    }

    private static List<String> textsTo(String phone) throws Exception {
        return java.nio.file.Files.readAllLines(Gatehouse.serverDir().resolve("logs/trace.log")).stream()
                .filter(line -> line.contains("SMS to " + phone + ", unmasked: ")).toList();
    }

    private static void signUp(String username, String email) {
        cognito.signUp(r -> r.clientId(clientId).username(username).password(PASSWORD)
                .userAttributes(attribute("email", email)));
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    private static MimeMessage lastMailTo(String address) throws Exception {
        return Mailbox.lastMailTo(MAIL, address);
    }

    private static String code(MimeMessage mail) {
        return Mailbox.code(mail);
    }
}
