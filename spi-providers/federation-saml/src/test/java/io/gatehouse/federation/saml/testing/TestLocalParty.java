package io.gatehouse.federation.saml.testing;

import io.gatehouse.api.federation.KeyCredential;
import io.gatehouse.api.federation.LocalParty;

import java.net.URI;
import java.util.List;

/** A pool's side towards SAML IdPs as the engine makes it, with fresh keys, for tests. */
public final class TestLocalParty {

    private TestLocalParty() {
    }

    /**
     * The pool {@code poolId} served at {@code base} ({@code https://auth.example.test}): entity id
     * {@code urn:amazon:cognito:sp:<poolId>}, ACS {@code <base>/saml2/idpresponse}, SLO {@code <base>/saml2/logout},
     * one new RSA signing key and one new RSA encryption key.
     */
    public static LocalParty create(String poolId, URI base) {
        return create(poolId, base, List.of(TestCertificates.rsa("sp-signing " + poolId)),
                List.of(TestCertificates.rsa("sp-encryption " + poolId)));
    }

    /** The same with the given keys (the active one first). */
    public static LocalParty create(String poolId, URI base, List<KeyCredential> signing,
                                    List<KeyCredential> encryption) {
        String root = base.toString().replaceAll("/+$", "");
        return new LocalParty("urn:amazon:cognito:sp:" + poolId, URI.create(root + "/saml2/idpresponse"),
                URI.create(root + "/saml2/logout"), signing, encryption);
    }
}
