package io.gatehouse.it.cognito;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.gatehouse.api.testing.CognitoSrpClient;
import io.gatehouse.api.testing.Totp;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminInitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasExistsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EnableSoftwareTokenMfaException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.OAuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RespondToAuthChallengeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifySoftwareTokenResponseType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Sign-in with a second factor through the API: authenticator apps (enrolment by access token and inside the
 * sign-in with MFA_SETUP), codes by e-mail read from GreenMail, choosing a method, the wrong-code limit, and what
 * GetUser and AdminGetUser show.
 */
class MfaSignInIT {

    @RegisterExtension
    static final GreenMailExtension MAIL = Mailbox.smtpServer();

    private static final String PASSWORD = "Correct-Horse-9";

    private static CognitoIdentityProviderClient cognito;
    private static String poolId;
    private static String clientId;

    @BeforeAll
    static void pool() {
        cognito = Gatehouse.adminClient();
        poolId = cognito.createUserPool(r -> r.poolName("mfa-optional")).userPool().id();
        cognito.setUserPoolMfaConfig(r -> r.userPoolId(poolId).mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .softwareTokenMfaConfiguration(t -> t.enabled(true))
                .emailMfaConfiguration(e -> e.subject("Your sign-in code").message("Sign in with {####}.")));
        clientId = Clients.passwordClient(cognito, poolId);
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    @Test
    void totpWhenRfc6238VectorThenItsCode() {
        // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082, of which an authenticator shows the last six digits.
        assertThat(Totp.code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Instant.ofEpochSecond(59))).isEqualTo("287082");
    }

    @Test
    void authenticatorWhenAssociatedVerifiedAndPreferredThenSignInAsksForItsCodeOnceEach() {
        String username = user(Map.of());
        String access = signIn(username).authenticationResult().accessToken();
        String secret = cognito.associateSoftwareToken(r -> r.accessToken(access)).secretCode();

        assertThatThrownBy(() -> cognito.verifySoftwareToken(r -> r.accessToken(access)
                .userCode(wrong(Totp.code(secret, Instant.now())))))
                .isInstanceOf(EnableSoftwareTokenMfaException.class);
        assertThat(cognito.verifySoftwareToken(r -> r.accessToken(access).userCode(Totp.code(secret, Instant.now())))
                .status()).isEqualTo(VerifySoftwareTokenResponseType.SUCCESS);
        cognito.setUserMFAPreference(r -> r.accessToken(access)
                .softwareTokenMfaSettings(s -> s.enabled(true).preferredMfa(true)));
        var profile = cognito.getUser(r -> r.accessToken(access));
        assertThat(profile.userMFASettingList()).containsExactly("SOFTWARE_TOKEN_MFA");
        assertThat(profile.preferredMfaSetting()).isEqualTo("SOFTWARE_TOKEN_MFA");

        InitiateAuthResponse first = signIn(username);
        assertThat(first.challengeName()).isEqualTo(ChallengeNameType.SOFTWARE_TOKEN_MFA);
        assertThat(first.authenticationResult()).isNull();
        // The next step's code: within the one step of drift allowed, and not the one the verification used.
        String code = Totp.code(secret, Instant.now().plusSeconds(30));
        assertThatThrownBy(() -> answer(first, "SOFTWARE_TOKEN_MFA", username, wrong(code)))
                .isInstanceOf(CodeMismatchException.class);
        assertThat(answer(first, "SOFTWARE_TOKEN_MFA", username, code).authenticationResult().accessToken())
                .isNotBlank();

        // The same code is not taken twice, even in another sign-in.
        InitiateAuthResponse second = signIn(username);
        assertThatThrownBy(() -> answer(second, "SOFTWARE_TOKEN_MFA", username, code))
                .isInstanceOf(CodeMismatchException.class);

        // An administrator turns a lost authenticator off: the pool is OPTIONAL, so the password is enough again.
        cognito.adminSetUserMFAPreference(r -> r.userPoolId(poolId).username(username)
                .softwareTokenMfaSettings(s -> s.enabled(false)));
        assertThat(signIn(username).authenticationResult()).isNotNull();
        assertThat(cognito.adminGetUser(r -> r.userPoolId(poolId).username(username)).userMFASettingList()).isEmpty();
    }

    @Test
    void mfaSessionWhenThreeWrongCodesThenItEndsEvenForTheRightOne() throws Exception {
        String email = "limit-" + UUID.randomUUID() + "@example.com";
        String username = user(Map.of("email", email));
        cognito.adminSetUserMFAPreference(r -> r.userPoolId(poolId).username(username)
                .emailMfaSettings(s -> s.enabled(true).preferredMfa(true)));
        String[] session = new String[1];
        String code = Mailbox.nextCodeTo(MAIL, email, () -> session[0] = signIn(username).session());

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> respond(session[0], "EMAIL_OTP", username, wrong(code)))
                    .isInstanceOf(CodeMismatchException.class);
        }
        assertThatThrownBy(() -> respond(session[0], "EMAIL_OTP", username, code))
                .isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void mailedCodesWhenSignInsRepeatPastTheHourlyLimitThenLimitExceededAndNoMoreMail() {
        String email = "flood-" + UUID.randomUUID() + "@example.com";
        String username = user(Map.of("email", email));
        cognito.adminSetUserMFAPreference(r -> r.userPoolId(poolId).username(username)
                .emailMfaSettings(s -> s.enabled(true).preferredMfa(true)));
        for (int i = 0; i < 10; i++) {
            assertThat(signIn(username).challengeName()).isEqualTo(ChallengeNameType.EMAIL_OTP);
        }
        int mailed = MAIL.getReceivedMessages().length;

        assertThatThrownBy(() -> signIn(username)).isInstanceOf(LimitExceededException.class);
        assertThat(MAIL.getReceivedMessages()).hasSize(mailed);
    }

    @Test
    void emailCodeWhenUserChoosesAmongTwoMethodsThenMailedCodeSignsIn() throws Exception {
        String email = "choose-" + UUID.randomUUID() + "@example.com";
        String username = user(Map.of("email", email));
        String access = signIn(username).authenticationResult().accessToken();
        String secret = cognito.associateSoftwareToken(r -> r.accessToken(access)).secretCode();
        cognito.verifySoftwareToken(r -> r.accessToken(access).userCode(Totp.code(secret, Instant.now())));
        cognito.setUserMFAPreference(r -> r.accessToken(access).softwareTokenMfaSettings(s -> s.enabled(true))
                .emailMfaSettings(s -> s.enabled(true)));

        InitiateAuthResponse first = signIn(username);
        assertThat(first.challengeName()).isEqualTo(ChallengeNameType.SELECT_MFA_TYPE);
        assertThat(first.challengeParameters().get("MFAS_CAN_CHOOSE"))
                .contains("SOFTWARE_TOKEN_MFA", "EMAIL_OTP");
        assertThatThrownBy(() -> cognito.respondToAuthChallenge(r -> r.clientId(clientId)
                .challengeName(ChallengeNameType.SELECT_MFA_TYPE).session(first.session())
                .challengeResponses(Map.of("USERNAME", username, "ANSWER", "SMS_MFA"))))
                .isInstanceOf(InvalidParameterException.class);
        RespondToAuthChallengeResponse[] chosen = new RespondToAuthChallengeResponse[1];
        String code = Mailbox.nextCodeTo(MAIL, email, () -> chosen[0] = cognito.respondToAuthChallenge(r -> r
                .clientId(clientId).challengeName(ChallengeNameType.SELECT_MFA_TYPE).session(first.session())
                .challengeResponses(Map.of("USERNAME", username, "ANSWER", "EMAIL_OTP"))));

        assertThat(chosen[0].challengeName()).isEqualTo(ChallengeNameType.EMAIL_OTP);
        assertThat(chosen[0].challengeParameters()).containsEntry("CODE_DELIVERY_DELIVERY_MEDIUM", "EMAIL")
                .containsEntry("CODE_DELIVERY_DESTINATION", "c***@e***");
        assertThat(Mailbox.lastMailTo(MAIL, email).getSubject()).isEqualTo("Your sign-in code");
        assertThat(respond(chosen[0].session(), "EMAIL_OTP", username, code).authenticationResult().idToken())
                .isNotBlank();
    }

    @Test
    void mfaOnWhenUserHasNoMethodThenSetsUpAnAuthenticatorInsideTheSignIn() {
        String pool = cognito.createUserPool(r -> r.poolName("mfa-required")).userPool().id();
        cognito.setUserPoolMfaConfig(r -> r.userPoolId(pool).mfaConfiguration(UserPoolMfaType.ON)
                .softwareTokenMfaConfiguration(t -> t.enabled(true)));
        String client = Clients.passwordClient(cognito, pool);
        String username = confirmedUser(pool, "setup-");

        AdminInitiateAuthResponse first = cognito.adminInitiateAuth(r -> r.userPoolId(pool).clientId(client)
                .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD)));
        assertThat(first.challengeName()).isEqualTo(ChallengeNameType.MFA_SETUP);
        assertThat(first.challengeParameters().get("MFAS_CAN_SETUP")).contains("SOFTWARE_TOKEN_MFA");
        assertThatThrownBy(() -> cognito.respondToAuthChallenge(r -> r.clientId(client)
                .challengeName(ChallengeNameType.MFA_SETUP).session(first.session())
                .challengeResponses(Map.of("USERNAME", username))))
                .as("no tokens before an authenticator is verified").isInstanceOf(InvalidParameterException.class);
        var associated = cognito.associateSoftwareToken(r -> r.session(first.session()));
        var verified = cognito.verifySoftwareToken(r -> r.session(associated.session())
                .userCode(Totp.code(associated.secretCode(), Instant.now())));
        assertThat(verified.status()).isEqualTo(VerifySoftwareTokenResponseType.SUCCESS);

        RespondToAuthChallengeResponse done = cognito.respondToAuthChallenge(r -> r.clientId(client)
                .challengeName(ChallengeNameType.MFA_SETUP).session(verified.session())
                .challengeResponses(Map.of("USERNAME", username)));

        assertThat(done.authenticationResult().accessToken()).isNotBlank();
        assertThat(cognito.initiateAuth(r -> r.clientId(client).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD))).challengeName())
                .isEqualTo(ChallengeNameType.SOFTWARE_TOKEN_MFA);
    }

    @Test
    void mfaOnWhenUserHasNoEmailThenSetsUpEmailCodesWithAnAddressNoOtherUserSignsInWith() throws Exception {
        String pool = cognito.createUserPool(r -> r.poolName("mfa-email-setup")
                .usernameAttributesWithStrings("email", "phone_number")).userPool().id();
        cognito.setUserPoolMfaConfig(r -> r.userPoolId(pool).mfaConfiguration(UserPoolMfaType.ON)
                .emailMfaConfiguration(e -> e.subject("Your sign-in code").message("Sign in with {####}.")));
        String client = Clients.passwordClient(cognito, pool);
        String taken = "taken-" + UUID.randomUUID() + "@example.com";
        cognito.adminCreateUser(r -> r.userPoolId(pool).username(taken).messageAction("SUPPRESS"));
        String phone = "+1555" + (1_000_000 + new java.util.Random().nextInt(8_999_999));
        cognito.adminCreateUser(r -> r.userPoolId(pool).username(phone).messageAction("SUPPRESS"));
        cognito.adminSetUserPassword(r -> r.userPoolId(pool).username(phone).password(PASSWORD).permanent(true));
        java.util.function.Supplier<AdminInitiateAuthResponse> signIn = () -> cognito.adminInitiateAuth(r -> r
                .userPoolId(pool).clientId(client).authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", phone, "PASSWORD", PASSWORD)));
        AdminInitiateAuthResponse first = signIn.get();
        assertThat(first.challengeName()).isEqualTo(ChallengeNameType.MFA_SETUP);
        assertThat(first.challengeParameters()).containsEntry("MFAS_CAN_SETUP", "[\"EMAIL_OTP\"]");
        java.util.function.Function<String, RespondToAuthChallengeResponse> giveAddress = address -> cognito
                .respondToAuthChallenge(r -> r.clientId(client).challengeName(ChallengeNameType.MFA_SETUP)
                        .session(first.session()).challengeResponses(Map.of("USERNAME", phone, "EMAIL", address)));

        assertThatThrownBy(() -> giveAddress.apply(taken)).isInstanceOf(AliasExistsException.class);
        assertThatThrownBy(() -> giveAddress.apply("not an address")).isInstanceOf(InvalidParameterException.class);
        String address = "own-" + UUID.randomUUID() + "@example.com";
        RespondToAuthChallengeResponse[] sent = new RespondToAuthChallengeResponse[1];
        String code = Mailbox.nextCodeTo(MAIL, address, () -> sent[0] = giveAddress.apply(address));
        assertThat(sent[0].challengeName()).isEqualTo(ChallengeNameType.EMAIL_OTP);
        assertThat(sent[0].challengeParameters()).containsEntry("CODE_DELIVERY_DELIVERY_MEDIUM", "EMAIL")
                .containsEntry("CODE_DELIVERY_DESTINATION", "o***@e***");
        assertThat(cognito.adminGetUser(r -> r.userPoolId(pool).username(phone)).userAttributes())
                .as("the address is not the user's before its code comes back")
                .noneMatch(a -> a.name().equals("email"));
        RespondToAuthChallengeResponse done = cognito.respondToAuthChallenge(r -> r.clientId(client)
                .challengeName(ChallengeNameType.EMAIL_OTP).session(sent[0].session())
                .challengeResponses(Map.of("USERNAME", phone, "EMAIL_OTP_CODE", code)));

        assertThat(done.authenticationResult().accessToken()).isNotBlank();
        var user = cognito.adminGetUser(r -> r.userPoolId(pool).username(phone));
        assertThat(user.userAttributes()).extracting(AttributeType::name, AttributeType::value)
                .contains(tuple("email", address), tuple("email_verified", "true"));
        assertThat(user.userMFASettingList()).containsExactly("EMAIL_OTP");
        assertThat(signIn.get().challengeName()).isEqualTo(ChallengeNameType.EMAIL_OTP);
    }

    @Test
    void hostedSignInPageWhenUserMustSetUpMfaAndPoolMailsCodesThenTakesAnAddressAndItsCode() throws Exception {
        String pool = cognito.createUserPool(r -> r.poolName("mfa-hosted-email-setup")).userPool().id();
        cognito.setUserPoolMfaConfig(r -> r.userPoolId(pool).mfaConfiguration(UserPoolMfaType.ON)
                .softwareTokenMfaConfiguration(t -> t.enabled(true))
                .emailMfaConfiguration(e -> e.subject("Your sign-in code").message("Sign in with {####}.")));
        String username = confirmedUser(pool, "setup-");
        String query = hostedQuery(pool);
        HostedForm browser = new HostedForm();
        java.net.http.HttpResponse<String> setUp = browser.signIn(query, username, PASSWORD);
        assertThat(setUp.statusCode()).as(setUp.body()).isEqualTo(200);
        assertThat(setUp.body()).contains("<svg", "name=\"email\"");
        String address = "hosted-" + UUID.randomUUID() + "@example.com";
        java.net.http.HttpResponse<String>[] codePage = new java.net.http.HttpResponse[1];
        String code = Mailbox.nextCodeTo(MAIL, address, () -> {
            try {
                codePage[0] = browser.post("/mfa?" + query, Map.of("_csrf", HostedForm.csrf(setUp),
                        "session", hidden(setUp, "session"), "username", username, "challenge", "MFA_SETUP",
                        "email", address));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(codePage[0].statusCode()).as(codePage[0].body()).isEqualTo(200);
        assertThat(codePage[0].body()).contains("name=\"challenge\" value=\"EMAIL_OTP\"", "h***@e***");

        java.net.http.HttpResponse<String> done = browser.post("/mfa?" + query, Map.of(
                "_csrf", HostedForm.csrf(codePage[0]), "session", hidden(codePage[0], "session"),
                "username", username, "challenge", "EMAIL_OTP", "code", code));

        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location").orElseThrow())
                .startsWith("http://localhost:3000/callback?code=");
        assertThat(cognito.adminGetUser(r -> r.userPoolId(pool).username(username)).userMFASettingList())
                .containsExactly("EMAIL_OTP");
    }

    @Test
    void smsCodeWhenSrpSignInOfAPoolWithMfaOnThenTextedCodeSignsInAndVerifiesThePhone() throws Exception {
        String pool = cognito.createUserPool(r -> r.poolName("mfa-sms").mfaConfiguration(UserPoolMfaType.ON)
                .smsAuthenticationMessage("Your code: {####}")).userPool().id();
        String client = cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("spa").explicitAuthFlows(
                ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .userPoolClient().clientId();
        String phone = "+1555" + (1_000_000 + new java.util.Random().nextInt(8_999_999));
        String username = "texted-" + UUID.randomUUID();
        cognito.adminCreateUser(r -> r.userPoolId(pool).username(username).messageAction("SUPPRESS")
                .userAttributes(AttributeType.builder().name("phone_number").value(phone).build()));
        cognito.adminSetUserPassword(r -> r.userPoolId(pool).username(username).password(PASSWORD).permanent(true));
        CognitoSrpClient srp = CognitoSrpClient.forPool(pool);
        InitiateAuthResponse verifier = cognito.initiateAuth(r -> r.clientId(client)
                .authFlow(AuthFlowType.USER_SRP_AUTH)
                .authParameters(Map.of("USERNAME", username, "SRP_A", srp.srpA())));
        int texted = textsTo(phone).size();

        Map<String, String> proof = srp.answer(verifier.challengeParameters(), PASSWORD, Instant.now());
        RespondToAuthChallengeResponse challenge = cognito.respondToAuthChallenge(r -> r.clientId(client)
                .challengeName(ChallengeNameType.PASSWORD_VERIFIER).session(verifier.session())
                .challengeResponses(proof));

        assertThat(challenge.challengeName()).isEqualTo(ChallengeNameType.SMS_MFA);
        assertThat(challenge.challengeParameters()).containsEntry("CODE_DELIVERY_DELIVERY_MEDIUM", "SMS")
                .containsEntry("CODE_DELIVERY_DESTINATION", "+*******" + phone.substring(phone.length() - 4));
        List<String> texts = textsTo(phone);
        assertThat(texts).hasSize(texted + 1);
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("Your code: (\\d{6})")
                .matcher(texts.get(texts.size() - 1));
        assertThat(code.find()).isTrue();
        RespondToAuthChallengeResponse done = cognito.respondToAuthChallenge(r -> r.clientId(client)
                .challengeName(ChallengeNameType.SMS_MFA).session(challenge.session())
                .challengeResponses(Map.of("USERNAME", username, "SMS_MFA_CODE", code.group(1))));

        assertThat(done.authenticationResult().accessToken()).isNotBlank();
        assertThat(cognito.adminGetUser(r -> r.userPoolId(pool).username(username)).userAttributes())
                .anySatisfy(a -> assertThat(a.name() + "=" + a.value()).isEqualTo("phone_number_verified=true"));
    }

    @Test
    void hostedSignInPageWhenUserMustPassASecondFactorThenAsksForTheMailedCode() throws Exception {
        String email = "hosted-" + UUID.randomUUID() + "@example.com";
        String username = user(Map.of("email", email));
        cognito.adminSetUserMFAPreference(r -> r.userPoolId(poolId).username(username)
                .emailMfaSettings(s -> s.enabled(true)));
        String query = hostedQuery(poolId);
        HostedForm browser = new HostedForm();
        java.net.http.HttpResponse<String>[] page = new java.net.http.HttpResponse[1];
        String code = Mailbox.nextCodeTo(MAIL, email, () -> {
            try {
                page[0] = browser.signIn(query, username, PASSWORD);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(page[0].statusCode()).as(page[0].body()).isEqualTo(200);
        assertThat(page[0].body()).contains("name=\"code\"", "h***@e***");
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("_csrf", HostedForm.csrf(page[0]),
                "session", hidden(page[0], "session"), "username", username, "challenge", "EMAIL_OTP",
                "code", wrong(code)));
        java.net.http.HttpResponse<String> refused = browser.post("/mfa?" + query, form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("name=\"code\"");
        form.put("code", code);
        java.net.http.HttpResponse<String> done = browser.post("/mfa?" + query, form);

        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location").orElseThrow())
                .startsWith("http://localhost:3000/callback?code=");
    }

    @Test
    void hostedSignInPageWhenUserMustFirstSetUpAnAuthenticatorThenShowsItsQrCodeAndTakesItsCode() throws Exception {
        String pool = cognito.createUserPool(r -> r.poolName("mfa-hosted-setup")).userPool().id();
        cognito.setUserPoolMfaConfig(r -> r.userPoolId(pool).mfaConfiguration(UserPoolMfaType.ON)
                .softwareTokenMfaConfiguration(t -> t.enabled(true)));
        String username = confirmedUser(pool, "setup-");
        String query = hostedQuery(pool);
        HostedForm browser = new HostedForm();

        java.net.http.HttpResponse<String> page = browser.signIn(query, username, PASSWORD);

        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("<svg", "role=\"img\"");
        assertThat(hidden(page, "otpauth")).startsWith("otpauth://totp/");
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("<code id=\"secret\">([A-Z2-7]+)</code>")
                .matcher(page.body());
        assertThat(shown.find()).as(page.body()).isTrue();
        String secret = shown.group(1);
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("_csrf", HostedForm.csrf(page),
                "session", hidden(page, "session"), "username", username, "challenge", "MFA_SETUP",
                "secret", secret, "otpauth", hidden(page, "otpauth"),
                "code", wrong(Totp.code(secret, Instant.now()))));
        java.net.http.HttpResponse<String> refused = browser.post("/mfa?" + query, form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("<svg", secret);
        form.put("code", Totp.code(secret, Instant.now()));
        java.net.http.HttpResponse<String> done = browser.post("/mfa?" + query, form);

        assertThat(done.statusCode()).as(done.body()).isEqualTo(303);
        assertThat(done.headers().firstValue("Location").orElseThrow())
                .startsWith("http://localhost:3000/callback?code=");
        assertThat(cognito.adminGetUser(r -> r.userPoolId(pool).username(username)).preferredMfaSetting())
                .isEqualTo("SOFTWARE_TOKEN_MFA");
    }

    @Test
    void hostedNewPasswordPageWhenThePoolRequiresMfaThenTheSecondFactorFollowsTheNewPassword() throws Exception {
        String pool = cognito.createUserPool(r -> r.poolName("mfa-hosted-invited")).userPool().id();
        cognito.setUserPoolMfaConfig(r -> r.userPoolId(pool).mfaConfiguration(UserPoolMfaType.ON)
                .softwareTokenMfaConfiguration(t -> t.enabled(true)));
        String username = "invited-" + UUID.randomUUID();
        cognito.adminCreateUser(r -> r.userPoolId(pool).username(username).messageAction("SUPPRESS")
                .temporaryPassword("Temporary-Pass-1"));
        String query = hostedQuery(pool);
        HostedForm browser = new HostedForm();
        java.net.http.HttpResponse<String> newPassword = browser.signIn(query, username, "Temporary-Pass-1");
        assertThat(newPassword.statusCode()).as(newPassword.body()).isEqualTo(200);

        java.net.http.HttpResponse<String> setUp = browser.post("/forceChangePassword?" + query, Map.of(
                "_csrf", HostedForm.csrf(newPassword), "session", hidden(newPassword, "session"),
                "username", username, "password", PASSWORD, "confirmPassword", PASSWORD));

        assertThat(setUp.statusCode()).as(setUp.body()).isEqualTo(200);
        assertThat(setUp.headers().firstValue("Location")).as("no sign-in before the second factor").isEmpty();
        assertThat(setUp.body()).contains("<svg", "name=\"challenge\" value=\"MFA_SETUP\"");
        assertThat(cognito.adminGetUser(r -> r.userPoolId(pool).username(username)).userStatusAsString())
                .isEqualTo("CONFIRMED");
    }

    /** A user of {@code pool} with a permanent password. */
    private static String confirmedUser(String pool, String prefix) {
        String username = prefix + UUID.randomUUID();
        cognito.adminCreateUser(r -> r.userPoolId(pool).username(username).messageAction("SUPPRESS"));
        cognito.adminSetUserPassword(r -> r.userPoolId(pool).username(username).password(PASSWORD).permanent(true));
        return username;
    }

    /** The query of an authorization request (code flow) of a new confidential web client of {@code pool}. */
    private static String hostedQuery(String pool) {
        String clientId = cognito.createUserPoolClient(r -> r.userPoolId(pool).clientName("web").generateSecret(true)
                .allowedOAuthFlowsUserPoolClient(true).allowedOAuthFlows(OAuthFlowType.CODE)
                .allowedOAuthScopes("openid").callbackURLs("http://localhost:3000/callback")
                .supportedIdentityProviders("COGNITO")).userPoolClient().clientId();
        return HostedForm.encode(Map.of("client_id", clientId, "response_type", "code",
                "redirect_uri", "http://localhost:3000/callback"));
    }

    private static String hidden(java.net.http.HttpResponse<String> page, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"")
                .matcher(page.body());
        assertThat(m.find()).as("a " + name + " field in " + page.body()).isTrue();
        return m.group(1);
    }

    /** The texts the development SMS sender wrote whole to trace.log for {@code phone} (see SignUpIT). */
    private static List<String> textsTo(String phone) throws Exception {
        return java.nio.file.Files.readAllLines(Gatehouse.serverDir().resolve("logs/trace.log")).stream()
                .filter(line -> line.contains("SMS to " + phone + ", unmasked: ")).toList();
    }

    private static String user(Map<String, String> attributes) {
        String username = "user-" + UUID.randomUUID();
        cognito.adminCreateUser(r -> r.userPoolId(poolId).username(username).messageAction("SUPPRESS")
                .userAttributes(attributes.entrySet().stream()
                        .map(e -> AttributeType.builder().name(e.getKey()).value(e.getValue()).build()).toList()));
        cognito.adminSetUserPassword(r -> r.userPoolId(poolId).username(username).password(PASSWORD).permanent(true));
        return username;
    }

    private static InitiateAuthResponse signIn(String username) {
        return cognito.initiateAuth(r -> r.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", username, "PASSWORD", PASSWORD)));
    }

    private static RespondToAuthChallengeResponse answer(InitiateAuthResponse challenge, String name, String username,
                                                         String code) {
        return respond(challenge.session(), name, username, code);
    }

    private static RespondToAuthChallengeResponse respond(String session, String name, String username, String code) {
        return cognito.respondToAuthChallenge(r -> r.clientId(clientId).challengeName(name).session(session)
                .challengeResponses(Map.of("USERNAME", username, name + "_CODE", code)));
    }

    private static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }
}
