package io.gatehouse.engine.transfer;

import io.gatehouse.engine.admin.AdminCredentials;
import io.gatehouse.engine.cognito.CognitoErrors;
import io.gatehouse.engine.cognito.sigv4.SigV4Verifier;
import io.gatehouse.engine.cognito.sigv4.SignedRequest;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.userpool.UserPools;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code GET /admin/user-pools/<id>/users}: the pool's users as a transfer CSV, for administrators only. The
 * request is signed with SigV4 for {@code cognito-idp} like every administrative call, so {@code curl --aws-sigv4}
 * or any AWS signer can fetch it; errors come in Cognito's JSON form. The body is streamed.
 */
@RequestScoped
@Path("admin/user-pools/{userPoolId}/users")
public class UserExportResource {

    private static final Logger LOG = Logger.getLogger(UserExportResource.class.getName());

    @Inject
    SigV4Verifier verifier;

    @Inject
    AdminCredentials adminCredentials;

    @Inject
    UserPools pools;

    @Inject
    UserExport export;

    @Inject
    Clock clock;

    @Context
    HttpServletRequest http;

    @GET
    public Response export(@PathParam("userPoolId") String userPoolId) {
        String requestId = UUID.randomUUID().toString();
        UserExport.Source source;
        try {
            verifier.verify(SignedRequest.of(http, new byte[0]), clock.instant(), adminCredentials::secretFor);
            source = export.source(pools.get(userPoolId));
        } catch (ServiceException e) {
            return CognitoErrors.response(requestId, e.httpStatus(), e.type(), e.getMessage());
        }
        StreamingOutput body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            try {
                export.write(source, writer);
                writer.flush();
            } catch (RuntimeException e) {
                // Headers are gone; failing the stream makes the client see a cut-off transfer, not a short file.
                LOG.log(Level.SEVERE, "Export " + requestId + " of user pool " + userPoolId + " failed", e);
                throw e;
            }
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + userPoolId + "-users.csv\"")
                .header("Cache-Control", "no-store")
                .header("x-amzn-RequestId", requestId)
                .build();
    }
}
