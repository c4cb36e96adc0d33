package io.gatehouse.providers.federation.saml;

import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.KeyCredential;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * SAML's HTTP-Redirect binding (bindings 3.4), on strings: the message DEFLATEd (raw, no zlib header), base64'd and
 * URL-encoded into {@code SAMLRequest} or {@code SAMLResponse}, with {@code RelayState}; signed, the signature covers
 * {@code SAMLRequest=…&RelayState=…&SigAlg=…} exactly as those parameters were encoded, which is why a received one
 * is checked on the raw query and never on re-encoded values.
 */
final class RedirectBinding {

    /** The most an inflated message may grow to: a DEFLATE bomb stops here. */
    static final int MAX_INFLATED = 256 * 1024;

    /** The longest raw query taken (browsers and servers stop well before). */
    static final int MAX_QUERY = 64 * 1024;

    private RedirectBinding() {
    }

    /**
     * The URL that carries {@code xml} to {@code destination} as {@code parameter}, with the relay state, signed by
     * {@code signer} when given. Any query the destination has is kept in front.
     */
    static URI encode(URI destination, String parameter, String xml, Optional<String> relayState,
                      Optional<KeyCredential> signer) {
        StringBuilder query = new StringBuilder()
                .append(parameter).append('=').append(urlEncode(Base64.getEncoder().encodeToString(deflate(xml))));
        relayState.ifPresent(state -> query.append("&RelayState=").append(urlEncode(state)));
        if (signer.isPresent()) {
            String algorithm = SamlAlgorithms.signatureFor(signer.get().privateKey());
            query.append("&SigAlg=").append(urlEncode(algorithm));
            String signature = SamlSigner.signQuery(query.toString(), signer.get(), algorithm);
            query.append("&Signature=").append(urlEncode(signature));
        }
        String base = destination.toString();
        return URI.create(base + (destination.getRawQuery() == null ? "?" : "&") + query);
    }

    /** A message received by this binding: the parameters exactly as the browser sent them, still encoded. */
    record Received(String parameter, String rawMessage, Optional<String> rawRelayState, Optional<String> rawSigAlg,
                    Optional<String> rawSignature) {

        /** The message's XML, inflated within {@link #MAX_INFLATED}. */
        byte[] xml() throws FederationException {
            byte[] deflated;
            try {
                deflated = Base64.getDecoder().decode(urlDecode(rawMessage).replaceAll("[\\r\\n\\t ]", ""));
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid("the " + parameter + " parameter is not base64");
            }
            return inflate(deflated, parameter);
        }

        Optional<String> relayState() {
            return rawRelayState.map(RedirectBinding::urlDecode);
        }

        /** Never shows the message. */
        @Override
        public String toString() {
            return "Received[" + parameter + "]";
        }
    }

    /**
     * Reads {@code parameter} ({@code SAMLRequest} or {@code SAMLResponse}) from a raw query; empty when the query
     * does not carry it.
     *
     * @throws FederationException when a SAML parameter repeats or the query is too long
     */
    static Optional<Received> receive(Optional<String> rawQuery, String parameter) throws FederationException {
        if (rawQuery.isEmpty() || rawQuery.get().isEmpty()) {
            return Optional.empty();
        }
        if (rawQuery.get().length() > MAX_QUERY) {
            throw Refusal.invalid("the query is longer than " + MAX_QUERY + " characters");
        }
        Map<String, String> raw = new LinkedHashMap<>();
        for (String pair : rawQuery.get().split("&")) {
            int eq = pair.indexOf('=');
            String name = urlDecode(eq < 0 ? pair : pair.substring(0, eq));
            if (List.of(parameter, "RelayState", "SigAlg", "Signature").contains(name)
                    && raw.put(name, eq < 0 ? "" : pair.substring(eq + 1)) != null) {
                throw Refusal.invalid("the query repeats the parameter " + name);
            }
        }
        if (!raw.containsKey(parameter)) {
            return Optional.empty();
        }
        return Optional.of(new Received(parameter, raw.get(parameter), Optional.ofNullable(raw.get("RelayState")),
                Optional.ofNullable(raw.get("SigAlg")), Optional.ofNullable(raw.get("Signature"))));
    }

    /**
     * Refuses unless the received message carries a query-string signature, by an accepted algorithm, that
     * verifies with one of the IdP's certificates over the parameters as they were sent.
     */
    static void verify(Received received, List<X509Certificate> certificates, String what)
            throws FederationException {
        if (received.rawSigAlg().isEmpty() || received.rawSignature().isEmpty()) {
            throw Refusal.invalid(what + " is not signed (no SigAlg and Signature in the query)");
        }
        String algorithm = urlDecode(received.rawSigAlg().get());
        List<String> jcaNames = SamlAlgorithms.jcaSignatures(algorithm);
        if (jcaNames.isEmpty()) {
            throw Refusal.invalid(what + " is signed with " + SamlAlgorithms.shortName(algorithm)
                    + ", which is refused (RSA or ECDSA with SHA-256, -384 or -512 only)");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(urlDecode(received.rawSignature().get())
                    .replaceAll("[\\r\\n\\t ]", ""));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(what + "'s Signature is not base64");
        }
        // Bindings 3.4.4.1: the octets signed are these three parameters, in this order, as they were encoded.
        String signed = received.parameter() + "=" + received.rawMessage()
                + received.rawRelayState().map(state -> "&RelayState=" + state).orElse("")
                + "&SigAlg=" + received.rawSigAlg().get();
        if (certificates.isEmpty()) {
            throw Refusal.invalid("the IdP's metadata has no current signing certificate to check " + what);
        }
        for (X509Certificate certificate : certificates) {
            for (String jca : jcaNames) {
                if (verifies(jca, certificate, signed, signature)) {
                    return;
                }
            }
        }
        throw Refusal.invalid(what + "'s signature does not verify with the IdP's signing certificates");
    }

    private static boolean verifies(String jca, X509Certificate certificate, String signed, byte[] signature) {
        try {
            java.security.Signature verifier = java.security.Signature.getInstance(jca);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(signed.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            // A key of another type than the algorithm's, or a signature in the other encoding: not this one.
            return false;
        }
    }

    static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String urlDecode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    static byte[] deflate(String xml) {
        Deflater deflater = new Deflater(Deflater.DEFLATED, true);
        try {
            deflater.setInput(xml.getBytes(StandardCharsets.UTF_8));
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    static byte[] inflate(byte[] deflated, String parameter) throws FederationException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw Refusal.invalid("the " + parameter + " parameter is not DEFLATE data");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_INFLATED) {
                    throw Refusal.invalid("the " + parameter + " parameter inflates past " + MAX_INFLATED + " bytes");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw Refusal.invalid("the " + parameter + " parameter is not DEFLATE data");
        } finally {
            inflater.end();
        }
    }
}
