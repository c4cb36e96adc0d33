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
    private final BouncyCastleArgon2 forEmptyPasswords = new BouncyCastleArgon2();

    @Override
    public byte[] hash(byte[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        if (password.length == 0) {
            // argon2-jvm copies the password into native memory of its length, and JNA cannot allocate zero bytes
            // (IllegalArgumentException). Argon2 itself defines the empty password, and an empty password reaches
            // here whenever a client sends one to be checked, so the Java implementation (the same function) takes it.
            return forEmptyPasswords.hash(password, salt, memoryKib, iterations, parallelism, length);
        }
        return argon2.rawHashAdvanced(iterations, memoryKib, parallelism, password, salt, null, null, length,
                Argon2Version.V13);
    }

    @Override
    public String description() {
        return "libargon2 (native, through argon2-jvm)";
    }
}
