package io.gatehouse.engine.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JCA provider that signs tokens. RS256 through the JDK costs about 1.2 ms of CPU a signature, two per sign-in
 * and per refresh; the Amazon Corretto Crypto Provider (AWS-LC) signs four times as fast. It is found through
 * {@link ServiceLoader} on the application's class path (the server puts it in a shared library, so its native code
 * is loaded once per JVM, not once per application start) and handed to Nimbus for our signatures only, never
 * installed in the JVM's provider list. When it is absent, fails its self-test or its native code does not load on
 * this platform, the JDK's providers sign. Which one is in use is logged at start.
 */
@ApplicationScoped
public class SigningProvider {

    private static final Logger LOG = Logger.getLogger(SigningProvider.class.getName());

    private final String wanted;
    /** Null: the JDK's provider list. */
    private Provider provider;

    @Inject
    public SigningProvider(@ConfigProperty(name = "gatehouse.token.crypto-provider",
            defaultValue = "AmazonCorrettoCryptoProvider") String wanted) {
        this.wanted = wanted.trim();
    }

    /** For CDI's proxy; never called by the application. */
    protected SigningProvider() {
        this.wanted = null;
    }

    @PostConstruct
    void choose() {
        provider = wanted.isEmpty() || wanted.equalsIgnoreCase("jdk") ? null : find(wanted);
        LOG.info(() -> "Token signing uses " + description());
    }

    /** The provider's name and version, or the JDK's, for logs and health. */
    public String description() {
        return provider == null ? "the JDK's providers (" + jdkSigner() + ")"
                : provider.getName() + " " + provider.getVersionStr();
    }

    /** A signer for {@code key} on the chosen provider, its private key already in the provider's own form. */
    JWSSigner signer(RSAKey key) {
        try {
            PrivateKey privateKey = key.toPrivateKey();
            if (provider == null) {
                return new RSASSASigner(privateKey);
            }
            RSASSASigner signer = new RSASSASigner(
                    (PrivateKey) KeyFactory.getInstance("RSA", provider).translateKey(privateKey));
            signer.getJCAContext().setProvider(provider);
            return signer;
        } catch (JOSEException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot prepare signing key " + key.getKeyID(), e);
        }
    }

    /** A verifier for {@code key} on the chosen provider (public-key operations are cheap there too). */
    JWSVerifier verifier(RSAKey key) {
        try {
            RSASSAVerifier verifier = new RSASSAVerifier(key);
            if (provider != null) {
                verifier.getJCAContext().setProvider(provider);
            }
            return verifier;
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot prepare verifying key " + key.getKeyID(), e);
        }
    }

    private static Provider find(String name) {
        Iterator<Provider> providers = ServiceLoader.load(Provider.class,
                SigningProvider.class.getClassLoader()).iterator();
        while (true) {
            Provider candidate;
            try {
                if (!providers.hasNext()) {
                    LOG.info(() -> "Crypto provider " + name + " is not on the class path");
                    return null;
                }
                candidate = providers.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                LOG.log(Level.WARNING, "A crypto provider on the class path does not load", e);
                continue;
            }
            if (candidate.getName().equals(name)) {
                return selfTested(candidate);
            }
        }
    }

    /** The provider if it signs and verifies an RS256 signature; null, with the reason logged, if not. */
    private static Provider selfTested(Provider candidate) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", candidate);
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            byte[] data = "gatehouse".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance("SHA256withRSA", candidate);
            signer.initSign(pair.getPrivate());
            signer.update(data);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(pair.getPublic());
            verifier.update(data);
            if (verifier.verify(signature)) {
                return candidate;
            }
            LOG.warning(() -> candidate.getName() + " made a signature the JDK rejects; the JDK signs instead");
        } catch (GeneralSecurityException | RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, candidate.getName() + " does not work here; the JDK signs instead", e);
        }
        return null;
    }

    private static String jdkSigner() {
        try {
            return Signature.getInstance("SHA256withRSA").getProvider().getName();
        } catch (GeneralSecurityException e) {
            return "no SHA256withRSA";
        }
    }
}
