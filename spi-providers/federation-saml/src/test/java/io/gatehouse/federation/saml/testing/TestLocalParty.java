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

    /**
     * AWS as the service provider an IdP sends identity-pool (and AWS sign-in) assertions to: entity id
     * {@code urn:amazon:webservices}, ACS {@code https://signin.aws.amazon.com/saml}; no keys (AWS publishes none an
     * identity pool could use). Responses built for it are what an app brings to an identity pool.
     */
    public static LocalParty aws() {
        return new LocalParty("urn:amazon:webservices", URI.create("https://signin.aws.amazon.com/saml"),
                URI.create("https://signin.aws.amazon.com/saml/logout"), List.of(), List.of());
    }

    /** The same with the given keys (the active one first). */
    public static LocalParty create(String poolId, URI base, List<KeyCredential> signing,
                                    List<KeyCredential> encryption) {
        String root = base.toString().replaceAll("/+$", "");
        return new LocalParty("urn:amazon:cognito:sp:" + poolId, URI.create(root + "/saml2/idpresponse"),
                URI.create(root + "/saml2/logout"), signing, encryption);
    }
}
