package io.gatehouse.providers.userstore.jdbc;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Version;

/**
 * Argon2id from libargon2, the reference C implementation, through argon2-jvm. Constructing it loads the native
 * library, and fails with a {@link LinkageError} where argon2-jvm, JNA or a build of libargon2 for this platform
 * is missing.
 */
final class NativeArgon2 implements Argon2Function {


    private final Argon2Advanced argon2 = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id);
    private final BouncyCastleArgon2 java = new BouncyCastleArgon2();

    @Override
    public byte[] hash(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        if (password.length == 0) {
            // argon2-jvm cannot pass an empty password to libargon2 (JNA allocates no zero-byte memory), and a
            // sign-in with an empty password must still be answered as a wrong one. Argon2id is the same function
            // in Java, so the hash is the same.
            return java.hash(password, salt, memoryKib, iterations, parallelism, length);
        }
        return argon2.rawHashAdvanced(iterations, memoryKib, parallelism, password, salt, null, null, length,
                Argon2Version.V13);
    }

    @Override
    public String description() {
        return "libargon2 (native, through argon2-jvm)";
    }
}
