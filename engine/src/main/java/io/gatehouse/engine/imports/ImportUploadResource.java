package io.gatehouse.engine.imports;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/**
 * An import job's pre-signed URL: PUT takes the job's CSV (UTF-8, at most {@value ImportJobs#MAX_CSV_BYTES} bytes)
 * while the job is Created, as S3 takes it in Cognito; GET gives the per-row report of rows that failed or were
 * skipped once the job has ended. The token in the URL is the only credential.
 */
@RequestScoped
@Path("import-jobs/{jobId: import-[a-z0-9]+}")
public class ImportUploadResource {

    @Inject
    ImportJobs jobs;

    @PUT
    public Response upload(@PathParam("jobId") String jobId, @QueryParam("token") String token, InputStream body)
            throws IOException {
        byte[] bytes = body.readNBytes(ImportJobs.MAX_CSV_BYTES + 1);
        if (bytes.length > ImportJobs.MAX_CSV_BYTES) {
            return plain(Response.Status.REQUEST_ENTITY_TOO_LARGE, "The CSV file is larger than "
                    + ImportJobs.MAX_CSV_BYTES + " bytes.");
        }
        String csv;
        try {
            csv = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return plain(Response.Status.BAD_REQUEST, "The CSV file is not UTF-8.");
        }
        if (csv.startsWith("\uFEFF")) {
            csv = csv.substring(1);
        }
        if (!jobs.upload(jobId, token, csv)) {
            return plain(Response.Status.FORBIDDEN, "This URL does not take a file: wrong token, or the job has "
                    + "already started.");
        }
        return Response.ok().build();
    }

    @GET
    public Response report(@PathParam("jobId") String jobId, @QueryParam("token") String token) {
        return jobs.report(jobId, token)
                .map(report -> Response.ok(report, "text/csv; charset=UTF-8").build())
                .orElseGet(() -> plain(Response.Status.NOT_FOUND, "No report here: wrong token, or the job has "
                        + "not ended."));
    }

    private static Response plain(Response.Status status, String message) {
        return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE).entity(message + "\n").build();
    }
}
