package io.gatehouse.providers.federation.saml;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The IdPs' metadata, shared by every provider of the factory: a document per {@code MetadataURL}, read when an
 * IdP is configured and read again when it is due (its {@code validUntil} or {@code cacheDuration}, else the
 * {@code metadata-refresh-minutes} option), keeping the last good copy when a refresh fails; and the parsed form of
 * each {@code MetadataFile}, so that a sign-in does not parse the same document again.
 */
final class MetadataCache {

    private static final System.Logger LOG = System.getLogger(MetadataCache.class.getName());

    /** How soon a failed refresh is tried again, while the last good copy serves. */
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(5);

    /** The earliest next read, whatever the document says: a validUntil in the past must not make every call read. */
    private static final Duration MIN_REFRESH = Duration.ofMinutes(1);

    /** How many parsed MetadataFiles are kept (each IdP has one; pools rarely have many). */
    private static final int MAX_FILES = 512;

    private final SamlOptions options;
    private final HttpClient http;
    private final Map<URI, Fetched> byUrl = new ConcurrentHashMap<>();
    /** One lock per URL: a due refresh reads the URL once, however many sign-ins wait for it. */
    private final Map<URI, Object> locks = new ConcurrentHashMap<>();
    private final Map<String, IdpMetadata> byFile = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, IdpMetadata> eldest) {
            return size() > MAX_FILES;
        }
    });

    /** A document read from a URL, and when to read it again. */
    private record Fetched(IdpMetadata metadata, Instant readAt, Instant refreshAt) {
    }

    MetadataCache(SamlOptions options) {
        this.options = options;
        // No redirects: the metadata comes from the URL the administrator named, or not at all.
        this.http = HttpClient.newBuilder()
                .connectTimeout(options.metadataTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * Reads the URL now (configure: the administrator's change must see the IdP as it is) and keeps the result.
     *
     * @throws MetadataException when it cannot be read or is not usable metadata
     */
    IdpMetadata fetchNow(URI url, Instant now) throws MetadataException {
        IdpMetadata metadata = IdpMetadata.parse(download(url), now);
        byUrl.put(url, new Fetched(metadata, now, refreshAt(metadata, now)));
        return metadata;
    }

    /**
     * The URL's metadata: the kept copy while it is fresh; read again when due, keeping the old copy if that fails;
     * read for the first time when none is kept (after a restart).
     *
     * @throws MetadataException only when there is no copy at all and the URL cannot be read
     */
    IdpMetadata fromUrl(URI url, Instant now) throws MetadataException {
        Fetched kept = byUrl.get(url);
        if (kept != null && now.isBefore(kept.refreshAt())) {
            return kept.metadata();
        }
        synchronized (lockFor(url)) {
            kept = byUrl.get(url);
            if (kept != null && now.isBefore(kept.refreshAt())) {
                return kept.metadata();
            }
            if (kept == null) {
                return fetchNow(url, now);
            }
            try {
                return fetchNow(url, now);
            } catch (MetadataException e) {
                LOG.log(System.Logger.Level.WARNING, "SAML metadata at {0} could not be refreshed ({1}); keeping the"
                        + " copy read at {2}", url, e.getMessage(), kept.readAt());
                byUrl.put(url, new Fetched(kept.metadata(), kept.readAt(), now.plus(RETRY_AFTER_FAILURE)));
                return kept.metadata();
            }
        }
    }

    /** The metadata of a MetadataFile, parsed once per distinct document. */
    IdpMetadata fromFile(String xml, Instant now) throws MetadataException {
        String key = sha256(xml);
        IdpMetadata kept = byFile.get(key);
        if (kept != null) {
            return kept;
        }
        IdpMetadata parsed = IdpMetadata.parse(xml, now);
        byFile.put(key, parsed);
        return parsed;
    }

    /** Forgets everything. */
    void clear() {
        byUrl.clear();
        byFile.clear();
    }

    private Object lockFor(URI url) {
        return locks.computeIfAbsent(url, u -> new Object());
    }

    private Instant refreshAt(IdpMetadata metadata, Instant now) {
        Instant due = now.plus(options.metadataRefresh());
        if (metadata.validUntil().isPresent() || metadata.cacheDuration().isPresent()) {
            due = Instant.MAX;
            if (metadata.validUntil().isPresent()) {
                due = metadata.validUntil().get();
            }
            if (metadata.cacheDuration().isPresent() && now.plus(metadata.cacheDuration().get()).isBefore(due)) {
                due = now.plus(metadata.cacheDuration().get());
            }
        }
        Instant earliest = now.plus(MIN_REFRESH);
        return due.isBefore(earliest) ? earliest : due;
    }

    /** The document at the URL: HTTP 200, within the size cap and the time limits. */
    private String download(URI url) throws MetadataException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(options.metadataTimeout())
                .header("Accept", "application/samlmetadata+xml, application/xml, text/xml")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(request,
                info -> new CappedBody(info.statusCode() == 200 ? options.metadataMaxBytes() : 0));
        HttpResponse<byte[]> response;
        try {
            // The request's timeout covers the wait for the headers; this one the body too.
            response = answer.get(options.metadataTimeout().toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new MetadataException("the metadata URL did not answer within "
                    + options.metadataTimeout().toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MetadataException("reading the metadata URL was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TooLarge) {
                throw new MetadataException("the metadata URL answered more than " + options.metadataMaxBytes()
                        + " bytes");
            }
            if (cause instanceof java.net.http.HttpTimeoutException) {
                throw new MetadataException("the metadata URL did not answer within "
                        + options.metadataTimeout().toSeconds() + " s");
            }
            throw new MetadataException("the metadata URL cannot be reached ("
                    + (cause == null ? "unknown" : cause.getClass().getSimpleName()) + ")");
        }
        if (response.statusCode() != 200) {
            throw new MetadataException("the metadata URL answered HTTP " + response.statusCode());
        }
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body is larger than the cap. */
    private static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Collects the body up to a cap and gives up as soon as it is passed, so that a huge (or endless) answer is
     * neither buffered nor read to its end. A cap of 0 reads nothing (an answer that is not 200).
     */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final int cap;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        private Flow.Subscription subscription;

        CappedBody(int cap) {
            this.cap = cap;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (cap == 0) {
                subscription.cancel();
                result.complete(new byte[0]);
                return;
            }
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (body.size() + buffer.remaining() > cap) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                body.writeBytes(bytes);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(body.toByteArray());
        }
    }
}
