package io.gatehouse.engine.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads an uploaded CSV as text, decoding as the bytes arrive rather than buffering them first, and stopping as soon
 * as the body passes its limit, so an upload costs at most the limit's worth of text.
 */
final class CsvUpload {

    /** The body is longer than the limit. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(long limit) {
            super("The CSV file is larger than " + limit + " bytes.");
        }
    }

    private CsvUpload() {
    }

    /**
     * The body as text, without a leading byte-order mark.
     *
     * @throws TooLargeException        past {@code maxBytes}
     * @throws CharacterCodingException when it is not UTF-8
     * @throws IOException              when it cannot be read
     */
    static String read(InputStream body, long maxBytes) throws IOException {
        Reader reader = new InputStreamReader(new Bounded(body, maxBytes), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
            text.append(buffer, 0, n);
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text.deleteCharAt(0);
        }
        return text.toString();
    }

    /** A stream that fails once more than {@code limit} bytes have come through it. */
    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long count;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws TooLargeException {
            count += n;
            if (count > limit) {
                throw new TooLargeException(limit);
            }
        }
    }
}
