package io.gatehouse.engine.identitypool.verifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoErrors;
import io.gatehouse.engine.cognito.sigv4.SigV4Verifier;
import io.gatehouse.engine.cognito.sigv4.SignedRequest;
import io.gatehouse.engine.config.GatehouseConfig;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.identitypool.sts.StsSession;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;

/**
 * {@code POST /sts/signing-key}: a resource service running the SigV4 filter asks for the signing key of credentials
 * local-sts issued, for the scope a request to it was signed in (see {@link SigningKeyGrants}). The call is signed with
 * SigV4 by the verifier credential ({@link VerifierCredential}) for the service {@value #SIGNING_NAME}; the answer
 * is JSON, {@code Cache-Control: no-store}, and errors come in the API's {@code {"__type", "message"}} form:
 * {@code AccessDeniedException} (403) for anything wrong with the verifier's own call or configuration,
 * {@code UnrecognizedClientException} and {@code ExpiredTokenException} (403) for the credentials asked about.
 */
@RequestScoped
@Path("sts/signing-key")
public class SigningKeyResource {

    /** The signing name of calls to this endpoint. */
    public static final String SIGNING_NAME = "gatehouse-verifier";

    private static final int MAX_BODY_BYTES = 16 * 1024;

    @Inject
    VerifierCredential credential;

    @Inject
    SigningKeyGrants grants;

    @Inject
    GatehouseConfig config;

    @Inject
    Clock clock;

    @Context
    HttpServletRequest http;

    @POST
    public Response signingKey() {
        String requestId = UUID.randomUUID().toString();
        try {
            if (!credential.configured()) {
                throw new ServiceException("AccessDeniedException", "This server gives no signing keys: no "
                        + "verifier credential is configured (gatehouse.identity-pools.verifier.access-key-id).", 403);
            }
            byte[] body = read(http.getInputStream());
            try {
                new SigV4Verifier(config.region(), SIGNING_NAME).verify(SignedRequest.of(http, body), clock.instant(),
                        credential::secretFor);
            } catch (ServiceException e) {
                // Its own type, so the filter tells this (its own misconfiguration) from the caller's bad credentials.
                throw new ServiceException("AccessDeniedException", "The verifier credential's signature is refused ("
                        + e.type() + "): " + e.getMessage(), 403);
            }
            SigningKeyGrant grant = grants.grant(SigningKeyRequest.parse(parse(body)));
            return Response.ok(Json.write(answer(grant)), "application/json")
                    .header("Cache-Control", "no-store")
                    .header("x-amzn-RequestId", requestId).build();
        } catch (ServiceException e) {
            return CognitoErrors.response(requestId, e.httpStatus(), e.type(), e.getMessage());
        } catch (IOException e) {
            return CognitoErrors.response(requestId, 400, "SerializationException", "The request body could not be "
                    + "read.");
        }
    }

    private static ObjectNode answer(SigningKeyGrant grant) {
        StsSession session = grant.session();
        ObjectNode answer = Json.MAPPER.createObjectNode()
                .put("SigningKey", Base64.getEncoder().encodeToString(grant.signingKey()))
                .put("IdentityPoolId", session.identityPoolId())
                .put("IdentityId", session.identityId())
                .put("RoleArn", session.roleArn())
                .put("AssumedRoleArn", session.assumedRoleArn())
                .put("Authenticated", session.authenticated())
                .put("Expiration", Json.epochSeconds(session.expiresAt()));
        answer.set("PrincipalTags", Json.object(session.sessionTags()));
        return answer;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ServiceException("SerializationException", "The request is not JSON.");
        } catch (IOException e) {
            throw new ServiceException("SerializationException", "The request could not be read.");
        }
    }

    private static byte[] read(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw ServiceException.invalidParameter("The request is larger than " + MAX_BODY_BYTES + " bytes.");
        }
        return body;
    }
}
