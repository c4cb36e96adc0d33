package io.gatehouse.engine.imports;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;

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

    /**
     * Takes the CSV. The job and token are checked before a byte of the body is read, and a body announced or found
     * to be over the limit is refused as soon as that is known: the URL needs no other credential, so a stranger
     * must not be able to make the server hold 20 MiB per request.
     */
    @PUT
    public Response upload(@PathParam("jobId") String jobId, @QueryParam("token") String token,
                           @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, InputStream body)
            throws IOException {
        if (!jobs.takesUpload(jobId, token)) {
            return refused();
        }
        if (announced(contentLength) > ImportJobs.MAX_CSV_BYTES) {
            return tooLarge();
        }
        String csv;
        try {
            csv = CsvUpload.read(body, ImportJobs.MAX_CSV_BYTES);
        } catch (CsvUpload.TooLargeException e) {
            return tooLarge();
        } catch (CharacterCodingException e) {
            return plain(Response.Status.BAD_REQUEST, "The CSV file is not UTF-8.");
        }
        // Checked again under the job's lock: it may have been started or stopped while the body came.
        if (!jobs.upload(jobId, token, csv)) {
            return refused();
        }
        return Response.ok().build();
    }

    /** The length the request announces; -1 for none (a chunked body) or one that is not a number. */
    private static long announced(String contentLength) {
        try {
            return contentLength == null ? -1 : Long.parseLong(contentLength.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Response refused() {
        return plain(Response.Status.FORBIDDEN, "This URL does not take a file: wrong token, or the job has "
                + "already started.");
    }

    private static Response tooLarge() {
        return plain(Response.Status.REQUEST_ENTITY_TOO_LARGE, "The CSV file is larger than "
                + ImportJobs.MAX_CSV_BYTES + " bytes.");
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
