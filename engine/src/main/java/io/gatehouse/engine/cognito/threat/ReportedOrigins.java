package io.gatehouse.engine.cognito.threat;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.engine.threat.AddressRange;
import io.gatehouse.engine.threat.ClientOrigin;
import io.gatehouse.engine.threat.ClientOrigins;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads the end user's origin that a sign-in call reports: {@code ContextData} of the admin calls (the address and
 * the {@code User-Agent} among its {@code HttpHeaders}, from the backend that serves the user) and
 * {@code UserContextData.IpAddress} of the app calls (the request's own {@code User-Agent} stays).
 * {@code EncodedData}, Amazon's device fingerprint, is opaque and left alone. Only an address literal is taken: the
 * address is compared by network and matched against ranges, and a host name would have to be looked up.
 */
@ApplicationScoped
public class ReportedOrigins {

    @Inject
    ClientOrigins origins;

    /** Notes AdminInitiateAuth's or AdminRespondToAuthChallenge's {@code ContextData}, if any. */
    public void fromAdmin(JsonNode request) {
        JsonNode context = request.path("ContextData");
        String address = context.path("IpAddress").asText("");
        if (AddressRange.literal(address) == null) {
            return;
        }
        String agent = "";
        for (JsonNode header : context.path("HttpHeaders")) {
            if ("user-agent".equalsIgnoreCase(header.path("headerName").asText())) {
                agent = header.path("headerValue").asText("");
            }
        }
        origins.report(new ClientOrigin(address, agent), true);
    }

    /** Notes InitiateAuth's or RespondToAuthChallenge's {@code UserContextData.IpAddress}, if any. */
    public void fromApp(JsonNode request) {
        String address = request.path("UserContextData").path("IpAddress").asText("");
        if (AddressRange.literal(address) != null) {
            origins.report(new ClientOrigin(address, origins.current().userAgent()), false);
        }
    }
}
