package io.gatehouse.providers.federation.saml;

import io.gatehouse.api.federation.DetailKey;

import java.util.List;
import java.util.Set;

/** The {@code ProviderDetails} keys of a SAML IdP, as Cognito spells them; see the module's README. */
final class SamlDetailKeys {

    static final String METADATA_URL = "MetadataURL";
    static final String METADATA_FILE = "MetadataFile";
    static final String IDP_SIGNOUT = "IDPSignout";
    static final String IDP_INIT = "IDPInit";
    static final String ENCRYPTED_RESPONSES = "EncryptedResponses";
    static final String REQUEST_SIGNING_ALGORITHM = "RequestSigningAlgorithm";

    /** Computed from the metadata and shown, as Cognito shows them. */
    static final String SSO_REDIRECT_BINDING_URI = "SSORedirectBindingURI";
    static final String SLO_REDIRECT_BINDING_URI = "SLORedirectBindingURI";
    static final String SLO_POST_BINDING_URI = "SLOPostBindingURI";

    /** Computed from the metadata and kept, not shown: what {@code issuer(details)} answers without parsing. */
    static final String IDP_ENTITY_ID = "IdpEntityId";

    /** The one value Cognito takes for {@link #REQUEST_SIGNING_ALGORITHM}. */
    static final String RSA_SHA256 = "rsa-sha256";

    /** What configure computes: a caller's value for one of these is dropped and computed again. */
    static final Set<String> COMPUTED = Set.of(SSO_REDIRECT_BINDING_URI, SLO_REDIRECT_BINDING_URI,
            SLO_POST_BINDING_URI, IDP_ENTITY_ID);

    /** The switches that take {@code true} or {@code false}. */
    static final Set<String> SWITCHES = Set.of(IDP_SIGNOUT, IDP_INIT, ENCRYPTED_RESPONSES);

    /**
     * Neither metadata key is required on its own: exactly one of them is, which configure checks. Nothing here is a
     * secret: metadata is public, and the pool's own keys are the engine's ({@code LocalParty}), not details.
     */
    static final List<DetailKey> ALL = List.of(
            DetailKey.plain(METADATA_URL, false),
            DetailKey.plain(METADATA_FILE, false),
            DetailKey.plain(IDP_SIGNOUT, false),
            DetailKey.plain(IDP_INIT, false),
            DetailKey.plain(ENCRYPTED_RESPONSES, false),
            DetailKey.plain(REQUEST_SIGNING_ALGORITHM, false),
            DetailKey.plain(SSO_REDIRECT_BINDING_URI, false),
            DetailKey.plain(SLO_REDIRECT_BINDING_URI, false),
            DetailKey.plain(SLO_POST_BINDING_URI, false),
            new DetailKey(IDP_ENTITY_ID, false, false, false));

    private SamlDetailKeys() {
    }
}
