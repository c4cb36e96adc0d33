package io.gatehouse.it.cognito;

import io.gatehouse.it.Gatehouse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserImportJobStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserImportJobType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The import job's pre-signed URL is unauthenticated but for its token: a PUT with a wrong token, for a job that
 * does not exist, or announcing a body over the limit is answered before the body is read, so strangers cannot make
 * the server buffer 20 MiB each. The test speaks HTTP/1.1 over a socket and sends only the start of the body it
 * announces: the answer must come while the rest is still unsent.
 */
class ImportUploadIT {

    private static final int MAX_CSV_BYTES = 20 * 1024 * 1024;
    private static final byte[] START_OF_BODY = "cognito:username,email\r\n".repeat(2000)
            .getBytes(StandardCharsets.UTF_8);

    private static CognitoIdentityProviderClient cognito;
    private static String poolId;

    @BeforeAll
    static void pool() {
        cognito = Gatehouse.adminClient();
        poolId = cognito.createUserPool(r -> r.poolName("uploads")).userPool().id();
    }

    @AfterAll
    static void close() {
        cognito.close();
    }

    @Test
    void uploadTokenWhenStoredThenSealedAndTheUrlStillWorks() throws Exception {
        UserImportJobType job = ImportJobRuns.create(cognito, poolId);
        String token = URI.create(job.preSignedUrl()).getQuery().replace("token=", "");

        assertThat(cognito.describeUserImportJob(r -> r.userPoolId(poolId).jobId(job.jobId())).userImportJob()
                .preSignedUrl()).as("the URL is shown again").isEqualTo(job.preSignedUrl());
        if (Gatehouse.onPostgres()) {
            assertThat(AtRest.column("SELECT upload_token FROM user_import_job WHERE job_id = ?", job.jobId()))
                    .startsWith("gh1:").doesNotContain(token);
        } else {
            // Booleans, not doesNotContain: a failure must not print the whole file.
            assertThat(AtRest.fileHolding(job.jobId(), job.jobName()).contains(token)).as("the token in the file")
                    .isFalse();
        }
        assertThat(ImportJobRuns.put(job.preSignedUrl(), "cognito:username,email\r\n").statusCode())
                .as("the sealed token still opens the upload").isEqualTo(200);
    }

    @Test
    void uploadWhenTokenWrongThenRefusedBeforeTheAnnouncedBodyIsSent() throws Exception {
        URI url = URI.create(ImportJobRuns.create(cognito, poolId).preSignedUrl().replace("token=", "token=x"));

        Answer answer = putStartOfBody(url, "Content-Length: " + 64L * 1024 * 1024);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("wrong token");
    }

    @Test
    void uploadWhenJobUnknownThenRefusedBeforeTheChunkedBodyEnds() throws Exception {
        URI real = URI.create(ImportJobRuns.create(cognito, poolId).preSignedUrl());
        URI url = real.resolve("/import-jobs/import-doesnotexist0?" + real.getRawQuery());

        Answer answer = putStartOfBody(url, "Transfer-Encoding: chunked");

        assertThat(answer.status()).isEqualTo(403);
    }

    @Test
    void uploadWhenAnnouncedBodyOverLimitThenTooLargeAtOnce() throws Exception {
        URI url = URI.create(ImportJobRuns.create(cognito, poolId).preSignedUrl());

        Answer answer = putStartOfBody(url, "Content-Length: " + (MAX_CSV_BYTES + 1));

        assertThat(answer.status()).isEqualTo(413);
    }

    @Test
    void uploadWhenChunkedBodyGrowsOverLimitThenTooLarge() throws Exception {
        UserImportJobType job = ImportJobRuns.create(cognito, poolId);
        byte[] row = "a,b@example.com\r\n".getBytes(StandardCharsets.US_ASCII);
        int rows = MAX_CSV_BYTES / row.length + 2;
        // An iterable of chunks: the client sends it chunked, announcing no length.
        Iterable<byte[]> chunks = () -> new java.util.Iterator<>() {
            private int sent;

            @Override
            public boolean hasNext() {
                return sent < rows;
            }

            @Override
            public byte[] next() {
                int n = Math.min(4096, rows - sent);
                sent += n;
                byte[] chunk = new byte[n * row.length];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(row, 0, chunk, i * row.length, row.length);
                }
                return chunk;
            }
        };

        HttpResponse<String> response = Gatehouse.HTTP.send(HttpRequest.newBuilder(URI.create(job.preSignedUrl()))
                .PUT(HttpRequest.BodyPublishers.ofByteArrays(chunks)).header("Content-Type", "text/csv").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThatThrownBy(() -> cognito.startUserImportJob(r -> r.userPoolId(poolId).jobId(job.jobId())))
                .as("nothing was stored").isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("No CSV file");
    }

    @Test
    void uploadWhenTokenRightThenCsvWithByteOrderMarkIsImported() throws Exception {
        List<String> header = cognito.getCSVHeader(r -> r.userPoolId(poolId)).csvHeader();
        String username = "upload-" + UUID.randomUUID().toString().substring(0, 8);
        String[] row = new String[header.size()];
        Arrays.fill(row, "");
        row[header.indexOf("cognito:username")] = username;
        row[header.indexOf("email")] = username + "@example.com";
        row[header.indexOf("email_verified")] = "true";
        row[header.indexOf("cognito:mfa_enabled")] = "false";
        String csv = "\uFEFF" + String.join(",", header) + "\r\n" + String.join(",", row) + "\r\n";

        UserImportJobType done = ImportJobRuns.run(cognito, poolId, csv);

        assertThat(done.status()).isEqualTo(UserImportJobStatusType.SUCCEEDED);
        assertThat(done.importedUsers()).isEqualTo(1);
        assertThat(cognito.adminGetUser(r -> r.userPoolId(poolId).username(username)).userStatus())
                .isEqualTo(UserStatusType.RESET_REQUIRED);
    }

    @Test
    void uploadWhenNotUtf8ThenBadRequest() throws Exception {
        UserImportJobType job = ImportJobRuns.create(cognito, poolId);

        HttpResponse<String> response = Gatehouse.HTTP.send(HttpRequest.newBuilder(URI.create(job.preSignedUrl()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[]{'a', ',', (byte) 0xC3, (byte) 0x28, '\n'}))
                .header("Content-Type", "text/csv").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("not UTF-8");
    }

    /** A status and body read off the wire. */
    private record Answer(int status, String body) {
    }

    /**
     * Sends a PUT's headers and the first 48 KiB of its body (one chunk, when chunked), then waits up to ten
     * seconds for the answer without sending more.
     */
    private static Answer putStartOfBody(URI url, String framing) throws IOException {
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + url.getRawPath() + "?" + url.getRawQuery() + " HTTP/1.1\r\n"
                    + "Host: " + url.getHost() + ":" + url.getPort() + "\r\n"
                    + "Content-Type: text/csv\r\n" + framing + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            boolean chunked = framing.startsWith("Transfer-Encoding");
            if (chunked) {
                out.write((Integer.toHexString(START_OF_BODY.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write(START_OF_BODY);
            if (chunked) {
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            try {
                return read(socket.getInputStream());
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no answer in 10 s: the server waits for the rest of the body");
            }
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String head = readHead(in);
        int status = Integer.parseInt(head.substring(9, 12));
        String lower = head.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("transfer-encoding: chunked")) {
            // The first chunk holds these short answers whole.
            int length = Integer.parseInt(readLine(in).trim(), 16);
            return new Answer(status, new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }
        int length = head.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
                .map(l -> Integer.parseInt(l.substring(15).trim())).findFirst().orElse(0);
        return new Answer(status, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            line.append((char) b);
        }
        return line.toString();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("the connection closed without an answer: " + head);
            }
            head.write(b);
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r'
                    && bytes[n - 1] == '\n') {
                return head.toString(StandardCharsets.US_ASCII);
            }
        }
    }
}
