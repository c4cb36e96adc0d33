package example.orders;

import io.gatehouse.sigv4.GatehouseCaller;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET /api/whoami}: who signed the request, as the filter found it. {@code POST /api/whoami} answers the
 * same with the body it was sent, which the signature covers.
 */
@Path("whoami")
@Produces(MediaType.APPLICATION_JSON)
public class WhoAmI {

    @Context
    SecurityContext security;

    @GET
    public String get() {
        return caller().build().toString();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public String post(String body) {
        return caller().add("body", body).build().toString();
    }

    private JsonObjectBuilder caller() {
        GatehouseCaller caller = (GatehouseCaller) security.getUserPrincipal();
        return Json.createObjectBuilder()
                .add("identityId", caller.identityId())
                .add("identityPoolId", caller.identityPoolId())
                .add("roleArn", caller.roleArn())
                .add("assumedRoleArn", caller.assumedRoleArn())
                .add("authenticated", caller.authenticated())
                .add("inRoleByName", security.isUserInRole(caller.roleName()))
                .add("scheme", security.getAuthenticationScheme());
    }
}
