package io.gatehouse.bench;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * The least an SRP sign-in costs the server: its three modular exponentiations over the 3072-bit group, each with
 * a 256-bit exponent (g^b when it answers USER_SRP_AUTH; v^u and (A·v^u)^b when it checks the proof), and the two
 * RS256 signatures of the ID and access tokens, on the Amazon Corretto Crypto Provider as the server signs them.
 * Measured alone on one thread; {@code cores} of them bound what SRP sign-ins per second the machine can give.
 *
 * @param exponentiationsMs the three exponentiations of one sign-in
 * @param signaturesMs      the two signatures of one sign-in
 */
record SrpCost(double exponentiationsMs, double signaturesMs) {

    private static final BigInteger N = io.gatehouse.api.testing.CognitoSrpClient.N;
    private static final BigInteger G = io.gatehouse.api.testing.CognitoSrpClient.G;
    private static final SecureRandom RANDOM = new SecureRandom();

    double perSignInMs() {
        return exponentiationsMs + signaturesMs;
    }

    /** Sign-ins per second that {@code cores} cores doing nothing else could give. */
    double boundPerSecond(int cores) {
        return cores * 1000 / perSignInMs();
    }

    /** Measures both, each for {@code window} after as long a warm-up. */
    static SrpCost measure(Duration window) throws Exception {
        BigInteger v = G.modPow(new BigInteger(256, RANDOM), N);
        BigInteger a = G.modPow(new BigInteger(256, RANDOM), N);
        Runnable exponentiations = () -> {
            BigInteger b = new BigInteger(256, RANDOM);
            BigInteger u = new BigInteger(256, RANDOM);
            G.modPow(b, N);
            a.multiply(v.modPow(u, N)).mod(N).modPow(b, N);
        };
        Signature signer = signer();
        byte[] token = "{\"sub\":\"8f0c6a2e-4b1d-4c3a-9e7f-1a2b3c4d5e6f\",\"token_use\":\"access\"}"
                .repeat(12).getBytes(StandardCharsets.UTF_8);
        Runnable signatures = () -> {
            try {
                for (int i = 0; i < 2; i++) {
                    signer.update(token);
                    signer.sign();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        return new SrpCost(msPerRun(exponentiations, window), msPerRun(signatures, window));
    }

    /** SHA256withRSA with a 2048-bit key, on ACCP where it loads (the server's choice), else the JDK. */
    private static Signature signer() throws Exception {
        Provider accp = null;
        Iterator<Provider> providers = ServiceLoader.load(Provider.class).iterator();
        while (providers.hasNext()) {
            Provider p = providers.next();
            if (p.getName().equals("AmazonCorrettoCryptoProvider")) {
                accp = p;
            }
        }
        KeyPairGenerator generator = accp == null ? KeyPairGenerator.getInstance("RSA")
                : KeyPairGenerator.getInstance("RSA", accp);
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Signature signature = accp == null ? Signature.getInstance("SHA256withRSA")
                : Signature.getInstance("SHA256withRSA", accp);
        signature.initSign(pair.getPrivate());
        return signature;
    }

    private static double msPerRun(Runnable work, Duration window) {
        for (int round = 0; round < 2; round++) {
            long runs = 0;
            long start = System.nanoTime();
            long end = start + window.toNanos();
            while (System.nanoTime() < end) {
                work.run();
                runs++;
            }
            if (round == 1) {
                return (System.nanoTime() - start) / 1e6 / runs;
            }
        }
        throw new AssertionError();
    }
}
