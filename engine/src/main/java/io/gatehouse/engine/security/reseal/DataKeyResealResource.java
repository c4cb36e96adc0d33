package io.gatehouse.engine.security.reseal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.admin.AdminCredentials;
import io.gatehouse.engine.cognito.CognitoErrors;
import io.gatehouse.engine.cognito.sigv4.SigV4Verifier;
import io.gatehouse.engine.cognito.sigv4.SignedRequest;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.security.SealedValueException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /admin/data-key/reseal}: {@code POST} re-seals the database's secrets with the current data key while the
 * server runs, {@code GET} only tells how many values are still sealed with another key, so that an operator knows
 * when the previous key can be dropped. Signed with SigV4 for {@code cognito-idp} by the admin credential, like every
 * administrative call ({@code curl --aws-sigv4}, or {@code ./gatehouse reseal}); errors in Cognito's JSON form.
 *
 * <p>The answer: {@code {"DataKeyId": ..., "Values": [{"Name": "user_pool_client.client_secret", "Resealed": 2,
 * "Remaining": 0}, ...], "Remaining": <sum of those the server re-seals itself>}}.
 */
@RequestScoped
@Path("admin/data-key/reseal")
public class DataKeyResealResource {

    private static final Logger LOG = Logger.getLogger(DataKeyResealResource.class.getName());

    @Inject
    SigV4Verifier verifier;

    @Inject
    AdminCredentials adminCredentials;

    @Inject
    DataKeyReseal reseal;

    @Inject
    Clock clock;

    @Context
    HttpServletRequest http;

    @GET
    public Response status() {
        return answer(reseal::status);
    }

    @POST
    public Response reseal() {
        return answer(reseal::reseal);
    }

    private Response answer(Supplier<List<SealedValues>> work) {
        String requestId = UUID.randomUUID().toString();
        try {
            verifier.verify(SignedRequest.of(http, http.getInputStream().readAllBytes()), clock.instant(),
                    adminCredentials::secretFor);
            return Response.ok(Json.write(body(work.get())), "application/x-amz-json-1.1")
                    .header("x-amzn-RequestId", requestId).build();
        } catch (ServiceException e) {
            return CognitoErrors.response(requestId, e.httpStatus(), e.type(), e.getMessage());
        } catch (SealedValueException e) {
            // A value the server cannot open (a key it lacks, or altered): the operator must see which row.
            LOG.log(Level.WARNING, "Re-sealing stopped: " + e.getMessage());
            return CognitoErrors.response(requestId, 500, "InternalErrorException", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode body(List<SealedValues> values) {
        ObjectNode out = Json.MAPPER.createObjectNode().put("DataKeyId", reseal.keyId());
        ArrayNode list = out.putArray("Values");
        int remaining = 0;
        for (SealedValues v : values) {
            ObjectNode item = list.addObject().put("Name", v.name()).put("Resealed", v.resealed())
                    .put("Remaining", v.remaining());
            if (v.resealedOnUse()) {
                item.put("ResealedOnUse", true);
            } else {
                remaining += v.remaining();
            }
        }
        out.put("Remaining", remaining);
        return out;
    }
}
