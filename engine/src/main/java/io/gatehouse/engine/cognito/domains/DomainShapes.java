package io.gatehouse.engine.cognito.domains;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.domains.Domain;
import io.gatehouse.engine.json.Json;

/** Reads and writes the domain shapes of the service model. */
final class DomainShapes {

    private DomainShapes() {
    }

    /** The CustomDomainConfig's certificate ARN, or null for a prefix domain. */
    static String certificateArn(JsonNode request) {
        JsonNode arn = request.path("CustomDomainConfig").path("CertificateArn");
        return arn.isTextual() ? arn.asText() : null;
    }

    static Integer managedLoginVersion(JsonNode request) {
        return request.hasNonNull("ManagedLoginVersion") ? request.get("ManagedLoginVersion").asInt() : null;
    }

    /** CreateUserPoolDomain's and UpdateUserPoolDomain's answer. */
    static ObjectNode created(Domain domain, String hostName) {
        ObjectNode out = Json.MAPPER.createObjectNode().put("ManagedLoginVersion", domain.managedLoginVersion());
        if (domain.custom()) {
            out.put("CloudFrontDomain", hostName);
        }
        return out;
    }

    /** {@code DomainDescriptionType}. */
    static ObjectNode description(Domain domain, String accountId, String hostName) {
        ObjectNode out = Json.MAPPER.createObjectNode()
                .put("UserPoolId", domain.userPoolId())
                .put("AWSAccountId", accountId)
                .put("Domain", domain.domain())
                .put("CloudFrontDistribution", hostName)
                .put("Version", "1")
                .put("Status", "ACTIVE")
                .put("ManagedLoginVersion", domain.managedLoginVersion());
        if (domain.custom()) {
            out.putObject("CustomDomainConfig").put("CertificateArn", domain.certificateArn());
        }
        return out;
    }
}
