package io.gatehouse.it.identitypool;

import com.nimbusds.jwt.SignedJWT;
import io.gatehouse.api.federation.LocalParty;
import io.gatehouse.federation.saml.testing.SamlResponseBuilder;
import io.gatehouse.federation.saml.testing.TestCertificates;
import io.gatehouse.federation.saml.testing.TestLocalParty;
import io.gatehouse.federation.saml.testing.TestSaml;
import io.gatehouse.federation.saml.testing.TestSamlIdp;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.AmbiguousRoleResolutionType;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentity.model.MappingRuleMatchType;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentity.model.RoleMapping;
import software.amazon.awssdk.services.cognitoidentity.model.RoleMappingType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.GetSamlProviderResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Identity pools taking SAML responses of an IdP registered with AWS's own IAM client (CreateSAMLProvider and its
 * siblings, the IAM Query API on this server's endpoint) and named in the pool's {@code SamlProviderARNs}. The IdP is
 * the SAML provider module's test IdP in this JVM (OpenSAML, its own key), answering for AWS
 * ({@code urn:amazon:webservices}, {@code https://signin.aws.amazon.com/saml}) as an IdP-initiated sign-in does; the
 * app brings the base64 response under the provider's ARN, to GetId, GetCredentialsForIdentity and GetOpenIdToken
 * alike. The role comes from the assertion's Role attribute (CustomRoleArn choosing among several), else the pool's
 * authenticated role, or the pool's rules on its attributes. Forged, expired, misaddressed, solicited, or taken by
 * another pool: refused.
 */
class SamlLoginsIT {

    private static final String ROLE_ATTRIBUTE = "https://aws.amazon.com/SAML/Attributes/Role";
    private static final String MEMBERS = "arn:aws:iam::123456789012:role/saml-members";
    private static final String ENGINEERS = "arn:aws:iam::123456789012:role/saml-engineers";
    private static final String AUDITORS = "arn:aws:iam::123456789012:role/saml-auditors";
    private static final String SALES = "arn:aws:iam::123456789012:role/saml-sales";
    private static final LocalParty AWS = TestLocalParty.aws();

    private static CognitoIdentityClient admin;
    private static CognitoIdentityClient anonymous;
    private static IamClient iam;
    private static TestSamlIdp idp;
    private static String providerArn;
    private static String identityPoolId;
    private static String rulesPoolId;

    @BeforeAll
    static void pools() {
        admin = Gatehouse.identityAdminClient();
        anonymous = Gatehouse.anonymousIdentityClient();
        iam = IamClient.builder().endpointOverride(Gatehouse.ENDPOINT).region(Gatehouse.REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(Gatehouse.ADMIN_KEY,
                        Gatehouse.ADMIN_SECRET)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1))).build();
        idp = new TestSamlIdp();
        providerArn = iam.createSAMLProvider(r -> r.name(uniqueName("Corp")).samlMetadataDocument(idp.metadataXml()))
                .samlProviderArn();
        identityPoolId = admin.createIdentityPool(r -> r.identityPoolName("saml logins")
                .allowUnauthenticatedIdentities(false).samlProviderARNs(providerArn)).identityPoolId();
        admin.setIdentityPoolRoles(r -> r.identityPoolId(identityPoolId).roles(Map.of("authenticated", MEMBERS)));
        rulesPoolId = admin.createIdentityPool(r -> r.identityPoolName("saml rules")
                .allowUnauthenticatedIdentities(false).samlProviderARNs(providerArn)).identityPoolId();
        admin.setIdentityPoolRoles(r -> r.identityPoolId(rulesPoolId).roles(Map.of("authenticated", MEMBERS))
                .roleMappings(Map.of(providerArn, RoleMapping.builder().type(RoleMappingType.RULES)
                        .ambiguousRoleResolution(AmbiguousRoleResolutionType.AUTHENTICATED_ROLE)
                        .rulesConfiguration(c -> c.rules(rule -> rule.claim("department")
                                .matchType(MappingRuleMatchType.EQUALS).value("sales").roleARN(SALES)))
                        .build())));
    }

    @AfterAll
    static void close() {
        admin.close();
        anonymous.close();
        iam.close();
    }

    /** Names are IAM's, account-wide and kept across runs of the suite on one database. */
    private static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The test IdP's response for AWS, for {@code user}, naming these roles of the provider. */
    private static SamlResponseBuilder response(String user, String... roles) {
        SamlResponseBuilder response = idp.response(AWS).nameId(user).attribute("email", user);
        if (roles.length > 0) {
            response.attribute(ROLE_ATTRIBUTE, java.util.Arrays.stream(roles).map(role -> role + "," + providerArn)
                    .toArray(String[]::new));
        }
        return response;
    }

    private static Map<String, String> logins(String xml) {
        return Map.of(providerArn, TestSaml.base64(xml));
    }

    /** The role the pool's credentials for this response are of, asking for {@code custom} if given. */
    private static String roleOf(String pool, String xml, Optional<String> custom) {
        Map<String, String> logins = logins(xml);
        String identityId = anonymous.getId(r -> r.identityPoolId(pool).logins(logins)).identityId();
        Credentials credentials = anonymous.getCredentialsForIdentity(r -> r.identityId(identityId).logins(logins)
                .customRoleArn(custom.orElse(null))).credentials();
        try (StsClient sts = Gatehouse.stsClient(credentials.accessKeyId(), credentials.secretKey(),
                credentials.sessionToken())) {
            return sts.getCallerIdentity().arn();
        }
    }

    private static String assumed(String role) {
        return "arn:aws:sts::123456789012:assumed-role/" + role.substring(role.indexOf(":role/") + 6)
                + "/CognitoIdentityCredentials";
    }

    /** Refused with Cognito's "Invalid login token." and the rule's words. */
    private static void refused(String pool, String xml, String reason) {
        assertThatThrownBy(() -> anonymous.getId(r -> r.identityPoolId(pool).logins(logins(xml))))
                .isInstanceOfSatisfying(NotAuthorizedException.class, e -> assertThat(e.awsErrorDetails()
                        .errorMessage()).startsWith("Invalid login token.").contains(reason));
    }

    @Test
    void providerWhenRegisteredThenIamShowsItAsAwsAndUpdatesAndDeletesIt() {
        assertThat(providerArn).matches("arn:aws:iam::000000000000:saml-provider/Corp-[0-9a-f]{8}");
        GetSamlProviderResponse provider = iam.getSAMLProvider(r -> r.samlProviderArn(providerArn));
        assertThat(provider.samlMetadataDocument()).isEqualTo(idp.metadataXml());
        assertThat(provider.samlProviderUUID()).isNotBlank();
        assertThat(provider.createDate()).isNotNull();
        assertThat(iam.listSAMLProviders().samlProviderList()).anySatisfy(p -> {
            assertThat(p.arn()).isEqualTo(providerArn);
            assertThat(p.createDate()).isNotNull();
        });

        Instant validUntil = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        TestSamlIdp rolled = new TestSamlIdp(TestSamlIdp.DEFAULT_ENTITY_ID, TestCertificates.rsa("rolled"),
                URI.create("https://idp.example.test"), Clock.systemUTC());
        String arn = iam.createSAMLProvider(r -> r.name(uniqueName("Rolled")).samlMetadataDocument(idp.metadataXml())
                .tags(Tag.builder().key("team").value("identity").build())).samlProviderArn();
        assertThat(iam.getSAMLProvider(r -> r.samlProviderArn(arn)).tags())
                .containsExactly(Tag.builder().key("team").value("identity").build());
        String rolledMetadata = rolled.metadata().validUntil(validUntil).xml();
        assertThat(iam.updateSAMLProvider(r -> r.samlProviderArn(arn).samlMetadataDocument(rolledMetadata))
                .samlProviderArn()).isEqualTo(arn);
        GetSamlProviderResponse updated = iam.getSAMLProvider(r -> r.samlProviderArn(arn));
        assertThat(updated.validUntil()).isEqualTo(validUntil);
        assertThat(updated.samlMetadataDocument()).isEqualTo(rolledMetadata);

        iam.deleteSAMLProvider(r -> r.samlProviderArn(arn));
        assertThatThrownBy(() -> iam.getSAMLProvider(r -> r.samlProviderArn(arn)))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> iam.deleteSAMLProvider(r -> r.samlProviderArn(arn)))
                .isInstanceOf(NoSuchEntityException.class);
        assertThatThrownBy(() -> iam.updateSAMLProvider(r -> r.samlProviderArn(arn)
                .samlMetadataDocument(idp.metadataXml()))).isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void iamRequestsWhenWrongThenIamErrors() {
        String name = providerArn.substring(providerArn.lastIndexOf('/') + 1);
        assertThatThrownBy(() -> iam.createSAMLProvider(r -> r.name(name).samlMetadataDocument(idp.metadataXml())))
                .isInstanceOf(EntityAlreadyExistsException.class);
        String doctype = "<!DOCTYPE md:EntityDescriptor [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + idp.metadataXml().replaceFirst("^<\\?xml[^>]*\\?>", "");
        String noCertificate = idp.metadataXml()
                .replaceAll("(?s)<(\\w+:)?KeyDescriptor.*</(\\w+:)?KeyDescriptor>", "")
                + "<!--" + "x".repeat(1000) + "-->";
        String notMetadata = "<html>" + "x".repeat(1000) + "</html>";
        for (String bad : List.of(doctype, noCertificate, notMetadata, "<short/>", idp.metadataXml().substring(0,
                1200))) {
            assertThatThrownBy(() -> iam.createSAMLProvider(r -> r.name(uniqueName("Bad"))
                    .samlMetadataDocument(bad)))
                    .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.awsErrorDetails().errorCode())
                            .isEqualTo("InvalidInput"));
        }
        assertThatThrownBy(() -> iam.createSAMLProvider(r -> r.name("bad name!").samlMetadataDocument(
                idp.metadataXml()))).isInstanceOfSatisfying(IamException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInput"));
        assertThatThrownBy(() -> iam.updateSAMLProvider(r -> r.samlProviderArn(providerArn)
                .samlMetadataDocument(notMetadata))).isInstanceOfSatisfying(IamException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInput"));
        assertThatThrownBy(() -> iam.getSAMLProvider(r -> r.samlProviderArn(providerArn + "-never")))
                .isInstanceOf(NoSuchEntityException.class);
    }

    @Test
    void responseWithOneRoleWhenShownThenThatRoleAndOneIdentityPerNameId() {
        String user = "one-role-" + UUID.randomUUID() + "@example.test";
        assertThat(roleOf(identityPoolId, response(user, ENGINEERS).xml(), Optional.empty()))
                .isEqualTo(assumed(ENGINEERS));

        String first = anonymous.getId(r -> r.identityPoolId(identityPoolId)
                .logins(logins(response(user).xml()))).identityId();
        String again = anonymous.getId(r -> r.identityPoolId(identityPoolId)
                .logins(logins(response(user).xml()))).identityId();
        assertThat(again).as("a new response for the same NameID").isEqualTo(first);
        assertThat(admin.describeIdentity(r -> r.identityId(first)).logins()).containsExactly(providerArn);
    }

    @Test
    void responseWithSeveralRolesWhenACustomRoleIsAskedThenItElseRefused() {
        String user = "several-" + UUID.randomUUID() + "@example.test";
        assertThat(roleOf(identityPoolId, response(user, ENGINEERS, AUDITORS).xml(), Optional.of(AUDITORS)))
                .isEqualTo(assumed(AUDITORS));

        Map<String, String> logins = logins(response(user, ENGINEERS, AUDITORS).xml());
        String identityId = anonymous.getId(r -> r.identityPoolId(identityPoolId).logins(logins)).identityId();
        assertThatThrownBy(() -> anonymous.getCredentialsForIdentity(r -> r.identityId(identityId).logins(logins)))
                .as("several roles, none chosen").isInstanceOf(NotAuthorizedException.class);
        assertThatThrownBy(() -> anonymous.getCredentialsForIdentity(r -> r.identityId(identityId).logins(logins)
                .customRoleArn(SALES))).as("a role the assertion does not allow")
                .isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void responseWithoutRolesWhenShownThenTheAuthenticatedRoleOrTheRulesRole() {
        String user = "no-role-" + UUID.randomUUID() + "@example.test";
        assertThat(roleOf(identityPoolId, response(user).xml(), Optional.empty())).isEqualTo(assumed(MEMBERS));
        assertThat(roleOf(rulesPoolId, response(user).attribute("department", "sales").xml(), Optional.empty()))
                .isEqualTo(assumed(SALES));
        assertThat(roleOf(rulesPoolId, response(user).attribute("department", "legal").xml(), Optional.empty()))
                .isEqualTo(assumed(MEMBERS));
    }

    @Test
    void openIdTokenWhenAskedWithTheSameResponseThenItsAmrNamesTheProviderAndNameId() throws Exception {
        String user = "token-" + UUID.randomUUID() + "@example.test";
        Map<String, String> logins = logins(response(user).xml());
        String identityId = anonymous.getId(r -> r.identityPoolId(identityPoolId).logins(logins)).identityId();
        String token = anonymous.getOpenIdToken(r -> r.identityId(identityId).logins(logins)).token();

        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getStringListClaim("amr"))
                .containsExactly("authenticated", providerArn, providerArn + ":" + user);
    }

    @Test
    void responseOurServerNamesAsRecipientWhenShownThenTaken() {
        String own = Gatehouse.ENDPOINT + "/saml2/identity-pool";
        String user = "own-" + UUID.randomUUID() + "@example.test";
        assertThat(roleOf(identityPoolId, response(user).destination(own).recipient(own).xml(), Optional.empty()))
                .isEqualTo(assumed(MEMBERS));
    }

    @Test
    void forgedExpiredMisaddressedOrSolicitedResponsesWhenShownThenNotAuthorized() {
        String user = "attacked@example.test";
        Map<String, String> attacks = Map.of(
                response(user).signedBy(TestCertificates.rsa("mallory")).xml(), "does not verify",
                response(user).signed(SamlResponseBuilder.Signed.NONE).xml(), "is signed",
                response(user).issuedAt(Instant.now().minus(Duration.ofMinutes(15))).xml(), "expired",
                response(user).audience("urn:amazon:cognito:sp:us-east-1_Other").xml(), "audience",
                response(user).recipient("https://evil.example.test/saml").xml(), "Recipient",
                response(user).inResponseTo("_request-of-someone").xml(), "InResponseTo",
                response(user).signed(SamlResponseBuilder.Signed.RESPONSE).extraAssertion().xml(),
                "exactly one assertion");
        attacks.forEach((xml, reason) -> refused(identityPoolId, xml, reason));
        assertThatThrownBy(() -> anonymous.getId(r -> r.identityPoolId(identityPoolId)
                .logins(Map.of(providerArn, "not base64!")))).isInstanceOf(NotAuthorizedException.class);
        assertThat(roleOf(identityPoolId, response(user).xml(), Optional.empty())).as("the unforged control")
                .isEqualTo(assumed(MEMBERS));
    }

    @Test
    void responseTakenByOnePoolWhenShownToAnotherThenNotAuthorized() {
        String xml = response("replayed-" + UUID.randomUUID() + "@example.test").xml();
        anonymous.getId(r -> r.identityPoolId(identityPoolId).logins(logins(xml)));

        refused(rulesPoolId, xml, "another identity pool");
        assertThat(anonymous.getId(r -> r.identityPoolId(identityPoolId).logins(logins(xml))).identityId())
                .as("the pool that took it, as an app's next call brings it").isNotBlank();
    }

    @Test
    void providerNotRegisteredOrDeletedWhenItsResponseIsShownThenNotAuthorizedNamingIt() {
        String unregistered = "arn:aws:iam::000000000000:saml-provider/" + uniqueName("Never");
        String deleted = iam.createSAMLProvider(r -> r.name(uniqueName("Gone")).samlMetadataDocument(
                idp.metadataXml())).samlProviderArn();
        String pool = admin.createIdentityPool(r -> r.identityPoolName("saml gone")
                .allowUnauthenticatedIdentities(false).samlProviderARNs(unregistered, deleted)).identityPoolId();
        iam.deleteSAMLProvider(r -> r.samlProviderArn(deleted));

        for (String arn : List.of(unregistered, deleted)) {
            String xml = response("gone@example.test").attribute(ROLE_ATTRIBUTE, MEMBERS + "," + arn).xml();
            assertThatThrownBy(() -> anonymous.getId(r -> r.identityPoolId(pool)
                    .logins(Map.of(arn, TestSaml.base64(xml)))))
                    .isInstanceOfSatisfying(NotAuthorizedException.class, e -> assertThat(e.getMessage())
                            .contains(arn));
        }
    }
}
