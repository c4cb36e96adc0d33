package io.gatehouse.it.identitypool;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.RSAKey;
import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentity.CognitoIdentityClient;
import software.amazon.awssdk.services.cognitoidentity.model.AmbiguousRoleResolutionType;
import software.amazon.awssdk.services.cognitoidentity.model.Credentials;
import software.amazon.awssdk.services.cognitoidentity.model.ExternalServiceException;
import software.amazon.awssdk.services.cognitoidentity.model.MappingRuleMatchType;
import software.amazon.awssdk.services.cognitoidentity.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentity.model.RoleMapping;
import software.amazon.awssdk.services.cognitoidentity.model.RoleMappingType;
import software.amazon.awssdk.services.sts.StsClient;

import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Identity pools taking the tokens apps get from Google, Sign in with Apple, Facebook Login and Login with Amazon on
 * their own, under Cognito's names in {@code SupportedLoginProviders} and {@code Logins}, with AWS's own identity
 * client. The IdPs are {@link SocialIdps}, on the port the server's federation types are pointed at
 * ({@code identity-pool-*} options in ear/pom.xml): ID tokens are checked against the published keys, access tokens
 * at Graph's {@code /app} and {@code /me} and LWA's tokeninfo and profile. Each IdP's token gives an authenticated
 * identity, one per user, linkable to another IdP's, whose OpenID token's {@code amr} names the IdP and the user;
 * role rules read the IdP's claims; tokens forged, expired, for
 * another app or of a provider the pool does not list are refused; an IdP in trouble is an external service's
 * failure.
 */
class SocialLoginsIT {

    private static final String MEMBERS = "arn:aws:iam::123456789012:role/social-members";
    private static final String STAFF = "arn:aws:iam::123456789012:role/social-staff";
    private static final String GOOGLE = "accounts.google.com";
    private static final String FACEBOOK = "graph.facebook.com";
    private static final String APPLE = "appleid.apple.com";
    private static final String AMAZON = "www.amazon.com";
    private static final String GOOGLE_CLIENT = "1234-gatehouse.apps.googleusercontent.com";
    private static final String FACEBOOK_APP = "1234567890123456";
    private static final String APPLE_SERVICES_ID = "com.example.gatehouse.web";
    private static final String AMAZON_APP = "amzn1.application.0123456789abcdef0123456789abcdef";
    private static final String AMAZON_CLIENT = "amzn1.application-oa2-client.0123456789abcdef0123456789abcdef";

    private static SocialIdps idps;
    private static CognitoIdentityClient admin;
    private static CognitoIdentityClient anonymous;
    private static String pool;

    @BeforeAll
    static void pool() throws Exception {
        idps = new SocialIdps(Integer.parseInt(Gatehouse.property("gatehouse.it.social.port")));
        admin = Gatehouse.identityAdminClient();
        anonymous = Gatehouse.anonymousIdentityClient();
        pool = admin.createIdentityPool(r -> r.identityPoolName("social logins").allowUnauthenticatedIdentities(false)
                .supportedLoginProviders(Map.of(GOOGLE, GOOGLE_CLIENT, FACEBOOK, FACEBOOK_APP,
                        APPLE, APPLE_SERVICES_ID, AMAZON, AMAZON_APP))).identityPoolId();
        admin.setIdentityPoolRoles(r -> r.identityPoolId(pool)
                .roles(Map.of("authenticated", MEMBERS))
                .roleMappings(Map.of(GOOGLE, RoleMapping.builder().type(RoleMappingType.RULES)
                        .ambiguousRoleResolution(AmbiguousRoleResolutionType.AUTHENTICATED_ROLE)
                        .rulesConfiguration(c -> c.rules(rule -> rule.claim("hd")
                                .matchType(MappingRuleMatchType.EQUALS).value("example.com").roleARN(STAFF)))
                        .build())));
    }

    @AfterAll
    static void close() {
        admin.close();
        anonymous.close();
        idps.close();
    }

    private static String google(String sub, Map<String, Object> more) {
        Map<String, Object> claims = new LinkedHashMap<>(Map.of("iss", SocialIdps.GOOGLE_ISSUER,
                "aud", GOOGLE_CLIENT, "azp", GOOGLE_CLIENT, "sub", sub, "email", sub + "@gmail.com",
                "email_verified", true));
        claims.putAll(more);
        return SocialIdps.idToken(idps.googleKey, claims, Instant.now());
    }

    private static String apple(String sub) {
        return SocialIdps.idToken(idps.appleKey, Map.of("iss", SocialIdps.APPLE_ISSUER, "aud", APPLE_SERVICES_ID,
                "sub", sub, "email", "x7yq2c@privaterelay.appleid.com"), Instant.now());
    }

    private static String idOf(Map<String, String> logins) {
        return anonymous.getId(r -> r.identityPoolId(pool).logins(logins)).identityId();
    }

    private static String roleOf(Map<String, String> logins) {
        String identityId = idOf(logins);
        Credentials credentials = anonymous.getCredentialsForIdentity(r -> r.identityId(identityId).logins(logins))
                .credentials();
        try (StsClient sts = Gatehouse.stsClient(credentials.accessKeyId(), credentials.secretKey(),
                credentials.sessionToken())) {
            return sts.getCallerIdentity().arn();
        }
    }

    private static String role(String arn) {
        return "arn:aws:sts::123456789012:assumed-role/" + arn.substring(arn.lastIndexOf('/') + 1)
                + "/CognitoIdentityCredentials";
    }

    @Test
    void eachProvidersTokenWhenShownThenOneAuthenticatedIdentityPerUser() {
        String stamp = Long.toString(System.nanoTime());
        Map<String, Map<String, String>> firstLogins = Map.of(
                GOOGLE, Map.of(GOOGLE, google("g" + stamp, Map.of())),
                APPLE, Map.of(APPLE, apple("001234." + stamp)),
                FACEBOOK, Map.of(FACEBOOK, idps.facebookToken(FACEBOOK_APP, "10" + stamp, "Alice Liddell")),
                AMAZON, Map.of(AMAZON, idps.amazonToken(AMAZON_APP, AMAZON_CLIENT, "amzn1.account.A" + stamp,
                        3600)));
        Map<String, Map<String, String>> laterLogins = Map.of(
                GOOGLE, Map.of(GOOGLE, google("g" + stamp, Map.of())),
                APPLE, Map.of(APPLE, apple("001234." + stamp)),
                FACEBOOK, Map.of(FACEBOOK, idps.facebookToken(FACEBOOK_APP, "10" + stamp, "Alice Liddell")),
                AMAZON, Map.of(AMAZON, idps.amazonToken(AMAZON_APP, AMAZON_CLIENT, "amzn1.account.A" + stamp,
                        3600)));

        for (String provider : List.of(GOOGLE, APPLE, FACEBOOK, AMAZON)) {
            assertThat(roleOf(firstLogins.get(provider))).as(provider).isEqualTo(role(MEMBERS));
            String identityId = idOf(firstLogins.get(provider));
            assertThat(idOf(laterLogins.get(provider))).as(provider + ": the same user, a new token")
                    .isEqualTo(identityId);
            assertThat(admin.describeIdentity(r -> r.identityId(identityId)).logins()).containsExactly(provider);
        }
    }

    @Test
    void twoProvidersWhenShownTogetherThenLinkedToOneIdentity() {
        String stamp = Long.toString(System.nanoTime());
        String google = google("g2" + stamp, Map.of());
        String facebook = idps.facebookToken(FACEBOOK_APP, "11" + stamp, "Bob");
        String identityId = idOf(Map.of(GOOGLE, google));

        assertThat(idOf(Map.of(GOOGLE, google, FACEBOOK, facebook))).isEqualTo(identityId);

        assertThat(idOf(Map.of(FACEBOOK, facebook))).isEqualTo(identityId);
        assertThat(admin.describeIdentity(r -> r.identityId(identityId)).logins())
                .containsExactlyInAnyOrder(GOOGLE, FACEBOOK);
        assertThat(roleOf(Map.of(FACEBOOK, facebook))).isEqualTo(role(MEMBERS));
    }

    @Test
    void openIdTokenWhenAFacebookUserAsksThenItsAmrNamesFacebookAndTheUser() throws Exception {
        String stamp = Long.toString(System.nanoTime());
        Map<String, String> logins = Map.of(FACEBOOK, idps.facebookToken(FACEBOOK_APP, "15" + stamp, "Erin"));
        String identityId = idOf(logins);

        String token = anonymous.getOpenIdToken(r -> r.identityId(identityId).logins(logins)).token();

        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims.path("sub").asText()).isEqualTo(identityId);
        assertThat(claims.path("amr")).extracting(JsonNode::asText)
                .containsExactly("authenticated", FACEBOOK, FACEBOOK + ":15" + stamp);
    }

    @Test
    void ruleOnAGoogleClaimWhenItMatchesThenItsRole() {
        String stamp = Long.toString(System.nanoTime());
        assertThat(roleOf(Map.of(GOOGLE, google("staff" + stamp, Map.of("hd", "example.com")))))
                .isEqualTo(role(STAFF));
        assertThat(roleOf(Map.of(GOOGLE, google("other" + stamp, Map.of("hd", "example.org")))))
                .isEqualTo(role(MEMBERS));
    }

    @Test
    void tokensForgedExpiredOrForAnotherAppWhenShownThenNotAuthorized() throws Exception {
        String stamp = Long.toString(System.nanoTime());
        RSAKey forger = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID(idps.googleKey.getKeyID())
                .generate();
        Map<String, Object> claims = Map.of("iss", SocialIdps.GOOGLE_ISSUER, "aud", GOOGLE_CLIENT,
                "sub", "g" + stamp);
        Map<String, Map<String, String>> refused = new LinkedHashMap<>();
        refused.put("Google's claims, another key", Map.of(GOOGLE, SocialIdps.idToken(forger, claims,
                Instant.now())));
        refused.put("Google, expired", Map.of(GOOGLE, SocialIdps.idToken(idps.googleKey, claims,
                Instant.now().minusSeconds(7200))));
        refused.put("Google, another client", Map.of(GOOGLE, google("g" + stamp,
                Map.of("aud", "9999-other.apps.googleusercontent.com"))));
        refused.put("Google, another issuer", Map.of(GOOGLE, google("g" + stamp,
                Map.of("iss", "https://evil.example.test"))));
        refused.put("Apple's token under Google", Map.of(GOOGLE, apple("a" + stamp)));
        refused.put("Apple, another services id", Map.of(APPLE, SocialIdps.idToken(idps.appleKey,
                Map.of("iss", SocialIdps.APPLE_ISSUER, "aud", "com.example.other", "sub", "a" + stamp),
                Instant.now())));
        refused.put("Facebook, another app", Map.of(FACEBOOK, idps.facebookToken("6543210987654321", "12" + stamp,
                "Mallory")));
        refused.put("Facebook, unknown token", Map.of(FACEBOOK, "EAABnot-a-token"));
        refused.put("Amazon, another security profile", Map.of(AMAZON, idps.amazonToken(
                "amzn1.application.ffffffffffffffffffffffffffffffff", AMAZON_CLIENT, "amzn1.account.M" + stamp,
                3600)));
        refused.put("Amazon, the client id as the app", Map.of(AMAZON, idps.amazonToken(AMAZON_CLIENT,
                AMAZON_APP, "amzn1.account.M" + stamp, 3600)));
        refused.put("Amazon, expired", Map.of(AMAZON, idps.amazonToken(AMAZON_APP, AMAZON_CLIENT,
                "amzn1.account.M" + stamp, -10)));
        refused.put("not a token", Map.of(APPLE, "not-a-jwt"));
        refused.forEach((what, logins) -> assertThatThrownBy(() -> idOf(logins)).as(what)
                .isInstanceOfSatisfying(NotAuthorizedException.class, e -> assertThat(e.getMessage())
                        .startsWith("Invalid login token.")));
    }

    @Test
    void providerThePoolDoesNotListWhenShownThenRefused() {
        String stamp = Long.toString(System.nanoTime());
        String googleOnly = admin.createIdentityPool(r -> r.identityPoolName("google only")
                .allowUnauthenticatedIdentities(false).supportedLoginProviders(Map.of(GOOGLE, GOOGLE_CLIENT)))
                .identityPoolId();
        String facebook = idps.facebookToken(FACEBOOK_APP, "13" + stamp, "Carol");
        assertThatThrownBy(() -> anonymous.getId(r -> r.identityPoolId(googleOnly)
                .logins(Map.of(FACEBOOK, facebook)))).isInstanceOf(NotAuthorizedException.class);

        String twitter = admin.createIdentityPool(r -> r.identityPoolName("no such type")
                .allowUnauthenticatedIdentities(false).supportedLoginProviders(Map.of("api.twitter.com", "key")))
                .identityPoolId();
        assertThatThrownBy(() -> anonymous.getId(r -> r.identityPoolId(twitter)
                .logins(Map.of("api.twitter.com", "token"))))
                .isInstanceOfSatisfying(NotAuthorizedException.class, e -> assertThat(e.getMessage())
                        .contains("api.twitter.com"));
    }

    @Test
    void idpInTroubleWhenAskedThenExternalServiceException() {
        String stamp = Long.toString(System.nanoTime());
        String facebook = idps.facebookToken(FACEBOOK_APP, "14" + stamp, "Dave");
        String amazon = idps.amazonToken(AMAZON_APP, AMAZON_CLIENT, "amzn1.account.D" + stamp, 3600);
        idps.down = true;
        try {
            assertThatThrownBy(() -> idOf(Map.of(FACEBOOK, facebook))).isInstanceOf(ExternalServiceException.class);
            assertThatThrownBy(() -> idOf(Map.of(AMAZON, amazon))).isInstanceOf(ExternalServiceException.class);
        } finally {
            idps.down = false;
        }
        assertThat(roleOf(Map.of(FACEBOOK, facebook))).isEqualTo(role(MEMBERS));
    }
}
