package io.gatehouse.providers.userstore.jdbc;

import java.lang.System.Logger.Level;
import java.util.Arrays;

/**
 * One implementation of the Argon2id function (RFC 9106, version 0x13). Both give the same bytes for the same
 * input, so hashes made by one verify with the other.
 */
interface Argon2Function {

    /** The raw Argon2id output of {@code length} bytes. */
    byte[] hash(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length);

    /** What it is, for the log. */
    String description();

    /**
     * The reference C implementation (libargon2 through argon2-jvm and JNA) when it loads here and agrees with
     * Bouncy Castle on a known input; Bouncy Castle otherwise. The native one is about three times as fast on the
     * production parameters and allocates its 19 MiB outside the Java heap, which spares the garbage collector
     * copying half-finished hashes (see bench/README.md).
     */
    static Argon2Function best() {
        Argon2Function java = new BouncyCastleArgon2();
        System.Logger log = System.getLogger(Argon2Function.class.getName());
        try {
            Argon2Function candidate = new NativeArgon2();
            byte[] password = {1, 2, 3, 4};
            byte[] salt = new byte[16];
            if (Arrays.equals(candidate.hash(password, salt, 64, 2, 2, 32), java.hash(password, salt, 64, 2, 2, 32))) {
                log.log(Level.INFO, "Argon2id hashes with {0}", candidate.description());
                return candidate;
            }
            log.log(Level.WARNING, "The native Argon2id disagrees with Bouncy Castle; using Bouncy Castle");
        } catch (LinkageError | RuntimeException e) {
            log.log(Level.INFO, "No native Argon2id here ({0}); using {1}", e.toString(), java.description());
        }
        return java;
    }
}
