package io.gatehouse.providers.federation.saml;

import io.gatehouse.api.federation.KeyCredential;
import io.gatehouse.api.federation.Outgoing;
import org.opensaml.saml.common.SignableSAMLObject;

import java.net.URI;
import java.util.Optional;

/** Sends a message of the pool's to the IdP by the binding its endpoint takes, signed as that binding signs. */
final class Outbound {

    private Outbound() {
    }

    /**
     * The browser's way to {@code destination}: a redirect with a query signature, or a form post with an XML
     * signature, signed by {@code signer} when given.
     *
     * @param byRedirect whether the endpoint is the IdP's HTTP-Redirect one
     * @param parameter  {@code SAMLRequest} or {@code SAMLResponse}
     */
    static Outgoing send(SignableSAMLObject message, URI destination, boolean byRedirect, String parameter,
                         Optional<String> relayState, Optional<KeyCredential> signer) {
        if (byRedirect) {
            // Bindings 3.4.4.1: a message sent by redirect carries no XML signature; the query is signed.
            return new Outgoing.Redirect(RedirectBinding.encode(destination, parameter, OpenSaml.toXml(message),
                    relayState, signer));
        }
        signer.ifPresent(credential -> SamlSigner.sign(message, credential));
        return PostBinding.encode(destination, parameter, OpenSaml.toXml(message), relayState);
    }
}
