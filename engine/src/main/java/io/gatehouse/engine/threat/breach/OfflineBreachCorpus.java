package io.gatehouse.engine.threat.breach;

import io.gatehouse.api.password.BreachVerdict;
import io.gatehouse.api.password.BreachedPasswordCheck;
import io.gatehouse.api.password.PasswordSha1;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * The built-in source of breached passwords: the most common passwords of a public breach compilation, held as the
 * sorted first 64 bits of each one's SHA-1, looked up by binary search. 100,000 passwords take 800 KB; no password
 * is kept, only digests' prefixes.
 *
 * <p>False positives: a password not in the list is taken for one only when the first 64 bits of its SHA-1 equal
 * one of the n kept, a chance of n / 2<sup>64</sup> (5.4 × 10<sup>-15</sup> for 100,000). Passwords count exactly
 * as given: the list already holds the case variants people use ({@code password1}, {@code Password1}), and folding
 * case would refuse rarer capitalisations of listed words that no breach shows.
 *
 * <p>The file, built by {@link BreachCorpusBuilder}: the magic {@code GHBP}, a format version (1), the count, then
 * the count prefixes as big-endian signed longs in ascending order.
 */
public final class OfflineBreachCorpus implements BreachedPasswordCheck {

    /** The corpus the build puts in the engine jar, beside this class. */
    static final String RESOURCE = "breached-passwords.bin";

    private static final int MAGIC = 0x47484250; // "GHBP"
    private static final int FORMAT = 1;

    private final long[] prefixes;

    private OfflineBreachCorpus(long[] sortedPrefixes) {
        this.prefixes = sortedPrefixes;
    }

    /** A corpus of these digests' prefixes (for tests and the builder). */
    static OfflineBreachCorpus of(long[] prefixes) {
        long[] sorted = Arrays.stream(prefixes).sorted().distinct().toArray();
        return new OfflineBreachCorpus(sorted);
    }

    /**
     * The corpus the engine jar carries.
     *
     * @throws IllegalStateException when the jar has none (a build that skipped the corpus step) or it is damaged
     */
    public static OfflineBreachCorpus builtIn() {
        try (InputStream in = OfflineBreachCorpus.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the engine jar has no " + RESOURCE
                        + "; the build's breached-corpus steps (engine/pom.xml) did not run");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the breached-password corpus", e);
        }
    }

    /** Reads a corpus written by {@link #write}. */
    static OfflineBreachCorpus read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 64 * 1024));
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
            throw new IOException("not a breached-password corpus of format " + FORMAT);
        }
        int count = in.readInt();
        if (count < 0 || count > 100_000_000) {
            throw new IOException("implausible corpus size " + count);
        }
        long[] prefixes = new long[count];
        for (int i = 0; i < count; i++) {
            prefixes[i] = in.readLong();
            if (i > 0 && prefixes[i] <= prefixes[i - 1]) {
                throw new IOException("the corpus is not in ascending order at entry " + i);
            }
        }
        return new OfflineBreachCorpus(prefixes);
    }

    /** Writes this corpus in the format {@link #read} reads. */
    void write(OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream, 64 * 1024));
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(prefixes.length);
        for (long prefix : prefixes) {
            out.writeLong(prefix);
        }
        out.flush();
    }

    /** Whether the password with this digest is in the corpus (or shares its first 64 bits with one that is). */
    public boolean contains(PasswordSha1 password) {
        return Arrays.binarySearch(prefixes, password.first64Bits()) >= 0;
    }

    @Override
    public BreachVerdict check(PasswordSha1 password) {
        return contains(password) ? BreachVerdict.breached(OptionalLong.empty()) : BreachVerdict.notFound();
    }

    /** How many distinct passwords it holds. */
    public int size() {
        return prefixes.length;
    }

    /** The memory its table takes: 8 bytes a password, and the array's header. */
    public long bytes() {
        return 16L + 8L * prefixes.length;
    }
}
