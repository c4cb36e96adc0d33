package io.gatehouse.engine.token;

import com.nimbusds.jwt.JWTClaimsSet;
import io.gatehouse.api.trigger.GroupOverrides;
import io.gatehouse.api.trigger.PreTokenGenerationResponse;
import io.gatehouse.api.trigger.TokenOverrides;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A pre token generation trigger's answer applied to tokens: what it may change, and what stays Cognito's. */
class PreTokenGenerationDecisionTest {

    private static JWTClaimsSet id() {
        return new JWTClaimsSet.Builder().subject("sub-1").issuer("http://localhost/pool").audience("client1")
                .expirationTime(new Date(2_000_000_000_000L)).issueTime(new Date(1_900_000_000_000L))
                .claim("token_use", "id").claim("cognito:username", "jane").claim("email", "j@example.com")
                .claim("auth_time", 1_900_000_000L).claim("cognito:groups", List.of("admins")).build();
    }

    private static JWTClaimsSet access() {
        return new JWTClaimsSet.Builder().subject("sub-1").issuer("http://localhost/pool")
                .expirationTime(new Date(2_000_000_000_000L)).claim("token_use", "access")
                .claim("client_id", "client1").claim("username", "jane")
                .claim("scope", "openid aws.cognito.signin.user.admin").claim("cognito:groups", List.of("admins"))
                .build();
    }

    private static TokenOverrides changes(Map<String, Object> add, List<String> suppress) {
        return new TokenOverrides(add, suppress, List.of(), List.of());
    }

    @Test
    void idTokenClaimsAreAddedOverriddenAndSuppressedWithTheirTypes() throws Exception {
        var decision = new PreTokenGeneration.Decision("1", new PreTokenGenerationResponse(
                changes(Map.of("tier", "gold", "level", 3, "beta", true, "tags", List.of("a"),
                        "profile", Map.of("team", "red"), "email", "other@example.com"), List.of()),
                TokenOverrides.NONE, Optional.empty()));

        JWTClaimsSet claims = decision.id(id());

        assertThat(claims.getStringClaim("tier")).isEqualTo("gold");
        assertThat(((Number) claims.getClaim("level")).intValue()).isEqualTo(3);
        assertThat(claims.getBooleanClaim("beta")).isTrue();
        assertThat(claims.getStringListClaim("tags")).containsExactly("a");
        assertThat(claims.getJSONObjectClaim("profile")).containsEntry("team", "red");
        assertThat(claims.getStringClaim("email")).isEqualTo("other@example.com");
        assertThat(claims.getExpirationTime()).isEqualTo(new Date(2_000_000_000_000L));
    }

    @Test
    void reservedClaimsStayAsCognitoSetThem() throws Exception {
        var decision = new PreTokenGeneration.Decision("2", new PreTokenGenerationResponse(
                changes(Map.of("sub", "evil", "aud", "other", "cognito:username", "root", "token_use", "access",
                        "auth_time", 1, "iss", "http://evil", "cognito:groups", List.of("root")),
                        List.of("sub", "exp", "iat")),
                changes(Map.of("client_id", "other", "scope", "admin", "username", "root", "origin_jti", "x"),
                        List.of("client_id", "token_use")),
                Optional.empty()));

        JWTClaimsSet claims = decision.id(id());
        JWTClaimsSet accessClaims = decision.access(access());

        assertThat(claims.getSubject()).isEqualTo("sub-1");
        assertThat(claims.getAudience()).containsExactly("client1");
        assertThat(claims.getStringClaim("cognito:username")).isEqualTo("jane");
        assertThat(claims.getStringClaim("token_use")).isEqualTo("id");
        assertThat(claims.getLongClaim("auth_time")).isEqualTo(1_900_000_000L);
        assertThat(claims.getIssuer()).isEqualTo("http://localhost/pool");
        assertThat(claims.getStringListClaim("cognito:groups")).containsExactly("admins");
        assertThat(claims.getExpirationTime()).isNotNull();
        assertThat(claims.getIssueTime()).isNotNull();
        assertThat(accessClaims.getStringClaim("client_id")).isEqualTo("client1");
        assertThat(accessClaims.getStringClaim("scope")).isEqualTo("openid aws.cognito.signin.user.admin");
        assertThat(accessClaims.getStringClaim("username")).isEqualTo("jane");
        assertThat(accessClaims.getStringClaim("token_use")).isEqualTo("access");
        assertThat(accessClaims.getClaim("origin_jti")).isNull();
    }

    @Test
    void aClaimBothSetAndSuppressedIsSuppressed() {
        var decision = new PreTokenGeneration.Decision("1", new PreTokenGenerationResponse(
                changes(Map.of("email", "x@example.com"), List.of("email")), TokenOverrides.NONE, Optional.empty()));

        assertThat(decision.id(id()).getClaim("email")).isNull();
    }

    @Test
    void v1ChangesNoAccessTokenClaimsButItsGroups() throws Exception {
        var decision = new PreTokenGeneration.Decision("1", new PreTokenGenerationResponse(TokenOverrides.NONE,
                new TokenOverrides(Map.of("tenant", "t"), List.of(), List.of("photos/read"), List.of()),
                Optional.of(new GroupOverrides(List.of("readers"), List.of(), Optional.empty()))));

        JWTClaimsSet claims = decision.access(access());

        assertThat(claims.getClaim("tenant")).isNull();
        assertThat(claims.getStringClaim("scope")).isEqualTo("openid aws.cognito.signin.user.admin");
        assertThat(claims.getStringListClaim("cognito:groups")).containsExactly("readers");
    }

    @Test
    void v2AddsAndSuppressesScopesAndAccessTokenClaims() throws Exception {
        var decision = new PreTokenGeneration.Decision("2", new PreTokenGenerationResponse(TokenOverrides.NONE,
                new TokenOverrides(Map.of("tenant", "t"), List.of(), List.of("photos/read", "openid"),
                        List.of("aws.cognito.signin.user.admin")), Optional.empty()));

        JWTClaimsSet claims = decision.access(access());

        assertThat(claims.getStringClaim("tenant")).isEqualTo("t");
        assertThat(claims.getStringClaim("scope")).isEqualTo("openid photos/read");
    }

    @Test
    void emptyGroupOverridesRemoveTheGroupClaimsAndSetThePreferredRole() throws Exception {
        var decision = new PreTokenGeneration.Decision("1", new PreTokenGenerationResponse(TokenOverrides.NONE,
                TokenOverrides.NONE, Optional.of(new GroupOverrides(List.of(), List.of("arn:aws:iam::1:role/r"),
                Optional.of("arn:aws:iam::1:role/r")))));

        JWTClaimsSet claims = decision.id(id());

        assertThat(claims.getClaim("cognito:groups")).isNull();
        assertThat(claims.getStringListClaim("cognito:roles")).containsExactly("arn:aws:iam::1:role/r");
        assertThat(claims.getStringClaim("cognito:preferred_role")).isEqualTo("arn:aws:iam::1:role/r");
        assertThat(decision.access(access()).getClaim("cognito:groups")).isNull();
    }
}
