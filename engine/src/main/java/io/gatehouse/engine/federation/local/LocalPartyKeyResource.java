package io.gatehouse.engine.federation.local;

import io.gatehouse.api.federation.KeyCredential;
import io.gatehouse.api.federation.LocalParty;
import io.gatehouse.engine.cognito.CognitoErrors;
import io.gatehouse.engine.cognito.sigv4.SigV4Verifier;
import io.gatehouse.engine.cognito.sigv4.SignedRequest;
import io.gatehouse.engine.admin.AdminCredentials;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * {@code POST /admin/user-pools/<id>/saml-keys/<signing|encryption>/rotate}: puts a new SAML key of the pool in use
 * (Cognito has no call for it; its certificates are renewed by AWS). Signed with SigV4 for {@code cognito-idp} like
 * every administrative call ({@code curl --aws-sigv4}); answers the new certificate as GetSigningCertificate does,
 * errors in Cognito's JSON form. The IdPs must then read the SP metadata again, or be given the new certificate.
 */
@RequestScoped
@Path("admin/user-pools/{userPoolId}/saml-keys/{purpose}/rotate")
public class LocalPartyKeyResource {

    private static final Logger LOG = Logger.getLogger(LocalPartyKeyResource.class.getName());

    @Inject
    SigV4Verifier verifier;

    @Inject
    AdminCredentials adminCredentials;

    @Inject
    LocalParties localParties;

    @Inject
    Clock clock;

    @Context
    HttpServletRequest http;

    @POST
    public Response rotate(@PathParam("userPoolId") String userPoolId, @PathParam("purpose") String purpose) {
        String requestId = UUID.randomUUID().toString();
        try {
            verifier.verify(SignedRequest.of(http, http.getInputStream().readAllBytes()), clock.instant(),
                    adminCredentials::secretFor);
            KeyPurpose chosen = switch (purpose.toLowerCase(Locale.ROOT)) {
                case "signing" -> KeyPurpose.SIGNING;
                case "encryption" -> KeyPurpose.ENCRYPTION;
                default -> throw ServiceException.invalidParameter("The key to rotate is signing or encryption.");
            };
            LocalParty party = localParties.rotate(userPoolId, chosen);
            KeyCredential active = chosen == KeyPurpose.SIGNING ? party.activeSigning() : party.encryption().get(0);
            LOG.info(() -> "Rotated the SAML " + chosen.stored() + " key of user pool " + userPoolId);
            return Response.ok(Json.write(Json.MAPPER.createObjectNode().put("Certificate",
                            Base64.getEncoder().encodeToString(active.certificate().getEncoded()))),
                            "application/x-amz-json-1.1").header("x-amzn-RequestId", requestId).build();
        } catch (ServiceException e) {
            return CognitoErrors.response(requestId, e.httpStatus(), e.type(), e.getMessage());
        } catch (java.io.IOException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
