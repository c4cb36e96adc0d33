package io.gatehouse.federation.saml.testing;

import org.opensaml.saml.common.SAMLObject;
import org.opensaml.saml.saml2.core.RequestAbstractType;
import org.opensaml.saml.saml2.core.StatusResponseType;
import org.opensaml.xmlsec.signature.support.SignatureConstants;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * A message a pool sent the test IdP, as the IdP received it.
 *
 * @param target    where the browser was sent
 * @param parameter {@code SAMLRequest} or {@code SAMLResponse}
 * @param xml       the message's XML
 * @param message   the message, unmarshalled ({@code AuthnRequest}, {@code LogoutRequest}, {@code LogoutResponse})
 * @param relayState the RelayState that came with it
 * @param rawQuery  the redirect's query as sent, for a message by HTTP-Redirect
 */
public record ReceivedMessage(URI target, String parameter, String xml, SAMLObject message,
                              Optional<String> relayState, Optional<String> rawQuery) {

    /** The message's ID. */
    public String id() {
        if (message instanceof RequestAbstractType request) {
            return request.getID();
        }
        return ((StatusResponseType) message).getID();
    }

    public <T extends SAMLObject> T as(Class<T> type) {
        return type.cast(message);
    }

    /** Whether the redirect carries a query signature that verifies with {@code certificate} over the raw query. */
    public boolean querySignatureVerifies(X509Certificate certificate) {
        if (rawQuery.isEmpty()) {
            return false;
        }
        Map<String, String> raw = new java.util.LinkedHashMap<>();
        for (String pair : rawQuery.get().split("&")) {
            int eq = pair.indexOf('=');
            raw.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        if (!raw.containsKey("SigAlg") || !raw.containsKey("Signature")) {
            return false;
        }
        String signed = parameter + "=" + raw.get(parameter)
                + (raw.containsKey("RelayState") ? "&RelayState=" + raw.get("RelayState") : "")
                + "&SigAlg=" + raw.get("SigAlg");
        String algorithm = TestSamlIdp.decode(raw.get("SigAlg"));
        String jca = switch (algorithm) {
            case SignatureConstants.ALGO_ID_SIGNATURE_RSA_SHA256 -> "SHA256withRSA";
            case SignatureConstants.ALGO_ID_SIGNATURE_ECDSA_SHA256 -> "SHA256withECDSA";
            default -> throw new IllegalArgumentException(algorithm);
        };
        try {
            java.security.Signature verifier = java.security.Signature.getInstance(jca);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(signed.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(TestSamlIdp.decode(raw.get("Signature"))));
        } catch (Exception e) {
            return false;
        }
    }

    /** Whether the message carries an XML signature (HTTP-POST). */
    public boolean xmlSigned() {
        return message instanceof org.opensaml.saml.common.SignableSAMLObject signable && signable.isSigned();
    }

    @Override
    public String toString() {
        return "ReceivedMessage[" + parameter + " → " + target + "]";
    }
}
