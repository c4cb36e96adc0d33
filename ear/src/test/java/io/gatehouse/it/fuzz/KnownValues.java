package io.gatehouse.it.fuzz;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Values the generator puts in members by their name (and in maps by their key): the fixture's ids and tokens
 * beside strangers of the same form, so that a handler sees both the thing it looks for and a miss.
 */
final class KnownValues {

    private KnownValues() {
    }

    static List<String> forMember(String member, FuzzFixture f) {
        List<String> strangers = FuzzFixture.strangers();
        return switch (member) {
            case "UserPoolId" -> List.of(f.poolId(), f.poolId(), f.poolId(), f.poolId(), strangers.get(0));
            case "ClientId", "client_id" -> List.of(f.publicClientId(), f.publicClientId(), f.secretClientId(),
                    strangers.get(2));
            case "ClientSecret", "client_secret" -> List.of(f.clientSecret(), "wrong-secret");
            case "SecretHash", "SECRET_HASH" -> List.of(secretHash(f.clientSecret(), FuzzFixture.USERNAME,
                    f.secretClientId()), "AAAA", "bm90IGEgaGFzaA==");
            case "Username", "USERNAME", "UserSub" -> List.of(FuzzFixture.USERNAME, FuzzFixture.USERNAME,
                    "fuzz@example.com", "fuzz-new-" + ShapeGenerator.uuid().substring(0, 6), "nobody");
            case "GroupName" -> List.of("fuzzers", "fuzzers", "no-such-group");
            case "AccessToken", "Token" -> List.of(f.accessToken(), f.accessToken(), f.refreshToken(), f.idToken(),
                    "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "not.a.token");
            case "RefreshToken", "REFRESH_TOKEN" -> List.of(f.refreshToken(), f.refreshToken(), f.accessToken(),
                    "junk");
            case "Password", "PASSWORD", "ProposedPassword", "PreviousPassword", "TemporaryPassword",
                 "NEW_PASSWORD" -> List.of(FuzzFixture.PASSWORD, FuzzFixture.PASSWORD, "Another-Passw0rd!", "short",
                    "nouppercase1!", "\u0000Aa1!aaaa");
            case "ConfirmationCode", "Code", "UserCode", "SMS_MFA_CODE", "SOFTWARE_TOKEN_MFA_CODE",
                 "EMAIL_OTP_CODE", "ANSWER" -> List.of("123456", "000000", "1", "99999999");
            case "Session" -> List.of("", "AAAA", ShapeGenerator.uuid(), "a".repeat(40));
            case "Domain" -> List.of(f.domain(), f.domain(), "fuzz-nope", "auth.example.com");
            case "Identifier" -> List.of(FuzzFixture.RESOURCE_SERVER, "https://nope.example.com");
            case "ProviderName" -> List.of("COGNITO", "Google", "Facebook", "SignInWithApple", "LoginWithAmazon",
                    "FuzzOidc", "FuzzSaml");
            case "DeviceKey", "DEVICE_KEY" -> List.of("us-east-1_" + ShapeGenerator.uuid(), "nope");
            case "JobId" -> List.of("import-abc123def", "import-0");
            case "AttributeName", "Name", "AttributesToGet" -> List.of("email", "phone_number", "custom:fuzz", "name",
                    "email_verified", "sub", "given_name", "locale", "custom:nope", "dev:custom:fuzz");
            case "Value" -> List.of("fuzz@example.com", "+15555550100", "true", "false", "", "2026-01-01");
            case "CallbackURLs", "LogoutURLs", "DefaultRedirectURI", "redirect_uri", "logout_uri" -> List.of(
                    FuzzFixture.CALLBACK, "http://localhost:3000/cb", "myapp://cb", "https://a.example.com/#frag",
                    "javascript:alert(1)");
            case "AllowedOAuthScopes", "scope" -> List.of("openid", "email", "profile", "phone",
                    "aws.cognito.signin.user.admin", FuzzFixture.RESOURCE_SERVER + "/read", "nope/nope");
            case "SupportedIdentityProviders" -> List.of("COGNITO", "Google", "FuzzOidc");
            case "Filter" -> List.of("email = \"fuzz@example.com\"", "username ^= \"fu\"", "sub = \"x\"",
                    "status = \"Enabled\"", "cognito:user_status = \"CONFIRMED\"", "name ^= \"\"", "email =",
                    "\"", "phone_number ^= \"+1\"", "custom:fuzz = \"a\"");
            case "NextToken", "PaginationToken" -> List.of("0", "AAAA", "eyJ9", "-1", "99999999999999999999");
            case "SRP_A" -> List.of("0", "00", "1", "f".repeat(768), "abc", "-1");
            case "TIMESTAMP" -> List.of("Sun Dec 6 04:00:00 UTC 2026", "yesterday", "");
            case "PASSWORD_CLAIM_SIGNATURE", "PASSWORD_CLAIM_SECRET_BLOCK" -> List.of("AAAA",
                    Base64.getEncoder().encodeToString(new byte[32]), "***");
            case "CHALLENGE_NAME", "PREFERRED_CHALLENGE" -> List.of("SRP_A", "PASSWORD", "EMAIL_OTP", "SMS_OTP",
                    "CUSTOM_CHALLENGE", "WEB_AUTHN", "NOPE");
            case "email", "userAttributes.email" -> List.of("fuzz@example.com", "not-an-email", "a@b");
            case "oidc_issuer", "MetadataURL", "authorize_url", "token_url", "attributes_url", "jwks_uri" -> List.of(
                    "https://issuer.example.com", "http://127.0.0.1:1/", "file:///etc/passwd", "not a url");
            case "attributes_request_method" -> List.of("GET", "POST", "PUT");
            case "authorize_scopes" -> List.of("openid email", "", "openid");
            case "MetadataFile" -> List.of("<EntityDescriptor/>", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e "
                    + "SYSTEM \"file:///etc/passwd\">]><x>&e;</x>", "not xml");
            case "LambdaArn", "PreSignUp", "CustomMessage", "PostConfirmation", "PreAuthentication",
                 "PostAuthentication", "DefineAuthChallenge", "CreateAuthChallenge", "VerifyAuthChallengeResponse",
                 "PreTokenGeneration", "UserMigration" -> List.of(
                    "arn:aws:lambda:us-east-1:123456789012:function:fuzz", "http://127.0.0.1:1/hook",
                    "java:no-such-provider");
            default -> List.of();
        };
    }

    /** Keys of the maps whose keys mean something to the server. */
    static List<String> mapKeys(String mapShape) {
        return switch (mapShape) {
            case "AuthParametersType" -> List.of("USERNAME", "PASSWORD", "SECRET_HASH", "REFRESH_TOKEN", "SRP_A",
                    "DEVICE_KEY", "CHALLENGE_NAME", "PREFERRED_CHALLENGE");
            case "ChallengeResponsesType" -> List.of("USERNAME", "NEW_PASSWORD", "SMS_MFA_CODE",
                    "SOFTWARE_TOKEN_MFA_CODE", "EMAIL_OTP_CODE", "PASSWORD_CLAIM_SIGNATURE",
                    "PASSWORD_CLAIM_SECRET_BLOCK", "TIMESTAMP", "SECRET_HASH", "ANSWER", "DEVICE_KEY",
                    "userAttributes.email", "SRP_A");
            case "ProviderDetailsType" -> List.of("client_id", "client_secret", "authorize_scopes", "oidc_issuer",
                    "attributes_request_method", "MetadataURL", "MetadataFile", "team_id", "key_id", "private_key",
                    "authorize_url", "token_url", "attributes_url", "jwks_uri");
            case "AttributeMappingType" -> List.of("email", "username", "custom:fuzz", "name", "email_verified");
            default -> new ArrayList<>();
        };
    }

    /** Samples for the model's patterns that random text seldom matches. */
    static List<String> forPattern(String pattern, FuzzFixture f) {
        List<String> out = new ArrayList<>(List.of(f.poolId(), ShapeGenerator.uuid(),
                "arn:aws:lambda:us-east-1:123456789012:function:fuzz", "arn:aws:iam::123456789012:role/fuzz",
                "arn:aws:sns:us-east-1:123456789012:fuzz", "cognito:english", "terms-of-use",
                "Your code is {####}", "Click {##Verify##} now", "import-abc123", "0123abcdef",
                "fuzz@example.com", f.domain(), "1.0", "fuzz"));
        if (pattern.contains("{####}")) {
            out.add(0, "Your username is {username} and code {####}");
        }
        return out;
    }

    static String secretHash(String secret, String username, String clientId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((username + clientId)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
