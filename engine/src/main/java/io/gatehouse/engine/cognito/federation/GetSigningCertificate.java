package io.gatehouse.engine.cognito.federation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.federation.local.LocalParties;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.cert.CertificateEncodingException;
import java.util.Base64;

/**
 * GetSigningCertificate: the certificate of the key the pool signs its SAML requests with, DER in base64 as Cognito
 * gives it, for an IdP administrator who configures the pool by hand rather than from the SP metadata.
 */
@ApplicationScoped
public class GetSigningCertificate implements CognitoOperation {

    @Inject
    LocalParties localParties;

    @Override
    public String name() {
        return "GetSigningCertificate";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        ObjectNode response = Json.MAPPER.createObjectNode();
        try {
            response.put("Certificate", Base64.getEncoder().encodeToString(localParties.of(
                    request.get("UserPoolId").asText()).activeSigning().certificate().getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("the pool's signing certificate cannot be encoded", e);
        }
        return response;
    }
}
