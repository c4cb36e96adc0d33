package io.gatehouse.engine.identitypool.sts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.gatehouse.engine.json.Json;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whom a set of local-sts credentials stands for: the identity, the role it was given, and its session tags.
 *
 * @param identityPoolId the identity pool
 * @param identityId     the identity
 * @param roleArn        the role
 * @param authenticated  whether the identity proved a login
 * @param sessionTags    the session tags (principal tags), tag key to value
 * @param expiresAt      when the credentials stop working
 * @param sessionName    the role session's name, which the assumed-role ARN ends in
 */
public record StsSession(String identityPoolId, String identityId, String roleArn, boolean authenticated,
                         Map<String, String> sessionTags, Instant expiresAt, String sessionName) {

    /** The name AWS gives the role sessions Cognito opens (GetCredentialsForIdentity). */
    public static final String SESSION_NAME = "CognitoIdentityCredentials";

    public StsSession {
        sessionTags = Map.copyOf(sessionTags);
    }

    /** A session of GetCredentialsForIdentity, named as Cognito names them. */
    public StsSession(String identityPoolId, String identityId, String roleArn, boolean authenticated,
                      Map<String, String> sessionTags, Instant expiresAt) {
        this(identityPoolId, identityId, roleArn, authenticated, sessionTags, expiresAt, SESSION_NAME);
    }

    static StsSession of(String identityPoolId, String identityId, String roleArn, boolean authenticated,
                         String sessionTagsJson, Instant expiresAt, String sessionName) {
        try {
            Map<String, String> tags = Json.MAPPER.readValue(sessionTagsJson, new TypeReference<>() {
            });
            return new StsSession(identityPoolId, identityId, roleArn, authenticated, tags, expiresAt, sessionName);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored session tags of an STS session are not JSON", e);
        }
    }

    String sessionTagsJson() {
        try {
            return Json.MAPPER.writeValueAsString(new TreeMap<>(sessionTags));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The role's name: the last segment of its ARN's resource ({@code role/path/Name}). */
    public String roleName() {
        int slash = roleArn.lastIndexOf('/');
        return slash < 0 ? roleArn : roleArn.substring(slash + 1);
    }

    /** The account the role belongs to (the ARN's fifth field), or empty if the ARN has none. */
    public String roleAccount() {
        String[] fields = roleArn.split(":", 6);
        return fields.length == 6 ? fields[4] : "";
    }

    /** The assumed-role ARN a caller with these credentials is, as GetCallerIdentity names it. */
    public String assumedRoleArn() {
        String[] fields = roleArn.split(":", 6);
        String partition = fields.length == 6 ? fields[1] : "aws";
        return "arn:" + partition + ":sts::" + roleAccount() + ":assumed-role/" + roleName() + "/" + sessionName;
    }

    /** The assumed role's id and session, as GetCallerIdentity's UserId and AssumedRoleUser's AssumedRoleId. */
    public String assumedRoleId() {
        return RoleIds.of(roleArn) + ":" + sessionName;
    }
}
