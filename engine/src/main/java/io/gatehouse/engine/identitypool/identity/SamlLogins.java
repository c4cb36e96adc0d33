package io.gatehouse.engine.identitypool.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.api.federation.FederationException;
import io.gatehouse.api.federation.FederationProvider;
import io.gatehouse.api.federation.IdentityPoolLogin;
import io.gatehouse.api.federation.UpstreamIdentity;
import io.gatehouse.engine.config.GatehouseConfig;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.federation.FederationTypes;
import io.gatehouse.engine.federation.flow.FederatedReplays;
import io.gatehouse.engine.iam.SamlProvider;
import io.gatehouse.engine.iam.SamlProviders;
import io.gatehouse.engine.identitypool.IdentityPool;
import io.gatehouse.engine.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logins of IAM SAML providers (which an identity pool names in {@code SamlProviderARNs}): the IdP's SAML Response
 * for AWS, base64, under the provider's ARN, as an app gets it from an IdP-initiated sign-in. The installed
 * {@code SAML} federation type checks it against the provider's metadata (signature by the metadata's certificates,
 * issuer, audience {@code urn:amazon:webservices} or {@code https://signin.aws.amazon.com/saml}, Destination and
 * Recipient, times, no InResponseTo, one assertion); each assertion is then bound to the identity pool that takes it
 * first, across nodes, and refused by any other (the app brings the same assertion to each call of its sign-in, and
 * to later ones until it expires, as Cognito takes it). The identity is the assertion's NameID at the provider; its
 * attributes are the login's claims, and the role comes from its {@code https://aws.amazon.com/SAML/Attributes/Role} as Cognito chooses it ({@code SamlRoles}).
 *
 * <p>Recipients: AWS's sign-in endpoint (global, and this server's region's), as an IdP configured for AWS sends;
 * and this server's own name for it, {@code <gatehouse.base-url>/saml2/identity-pool} (no page answers there), for
 * an IdP configured for this server only, whose responses AWS would then refuse.
 */
@ApplicationScoped
class SamlLogins {

    /** Where a SAML provider's logins are checked: the type Cognito calls SAML. */
    static final String TYPE = "SAML";
    static final Set<String> AUDIENCES = Set.of("urn:amazon:webservices", "https://signin.aws.amazon.com/saml");
    static final String OWN_RECIPIENT_PATH = "/saml2/identity-pool";

    private static final Logger LOG = Logger.getLogger(SamlLogins.class.getName());

    @Inject
    SamlProviders providers;

    @Inject
    FederationTypes types;

    @Inject
    FederatedReplays replays;

    @Inject
    GatehouseConfig config;

    /** Verifies {@code token}, a login under {@code arn}, one of {@code pool}'s {@code SamlProviderARNs}. */
    Login verify(IdentityPool pool, String arn, String token) {
        SamlProvider provider = providers.find(arn).orElseThrow(() -> new ServiceException("NotAuthorizedException",
                Logins.INVALID + "The SAML provider " + arn + " is not registered."));
        if (!types.exists(TYPE)) {
            throw new ServiceException("InvalidIdentityPoolConfigurationException", "No federation provider of the"
                    + " type " + TYPE + " is installed on this server to check SAML logins.");
        }
        UpstreamIdentity identity;
        try (FederationProvider saml = types.named(TYPE)) {
            identity = saml.verifyIdentityPoolLogin(new IdentityPoolLogin(token, AUDIENCES, recipients(),
                    Map.of("MetadataFile", provider.metadata())));
        } catch (FederationException e) {
            if (e.reason() == FederationException.Reason.UNAVAILABLE) {
                LOG.log(Level.WARNING, "The SAML login of " + arn + " could not be checked: " + e.getMessage());
                throw new ServiceException("ExternalServiceException", "The SAML provider " + arn
                        + " could not be used to check the login.");
            }
            // The provider's reasons never hold the assertion's content: they name the rule broken.
            throw new ServiceException("NotAuthorizedException", Logins.INVALID + "The SAML response of " + arn
                    + " does not verify: " + e.getMessage() + ".");
        }
        if (identity.replayKey().isEmpty()) {
            throw new ServiceException("NotAuthorizedException", Logins.INVALID + "The SAML assertion of " + arn
                    + " has no ID.");
        }
        if (!takenHere(pool, arn, identity)) {
            throw new ServiceException("NotAuthorizedException", Logins.INVALID + "The SAML assertion of " + arn
                    + " has been used with another identity pool.");
        }
        return new Login(arn, identity.subject(), arn, claims(identity.claims()),
                arn + ":" + identity.subject());
    }

    private boolean takenHere(IdentityPool pool, String arn, UpstreamIdentity identity) {
        try {
            return replays.takenForIdentityPool(pool.id(), arn, identity.replayKey().get());
        } catch (PersistenceException | TransactionalException e) {
            // Another node took the same new assertion at the same moment and the primary key refused this one:
            // its row is there now, and says which pool took it (the same pool, when an app's two calls crossed).
            try {
                return replays.takenForIdentityPool(pool.id(), arn, identity.replayKey().get());
            } catch (PersistenceException | TransactionalException again) {
                return false;
            }
        }
    }

    private Set<String> recipients() {
        return Set.of("https://signin.aws.amazon.com/saml", "https://" + config.region()
                + ".signin.aws.amazon.com/saml", config.baseUrl() + OWN_RECIPIENT_PATH);
    }

    /**
     * The attributes as claims: an attribute of several values comes from the provider as a JSON array of texts,
     * which role rules and principal tags take as a list.
     */
    static Map<String, Object> claims(Map<String, String> attributes) {
        Map<String, Object> claims = new LinkedHashMap<>();
        attributes.forEach((name, value) -> claims.put(name, valueOf(value)));
        return claims;
    }

    private static Object valueOf(String value) {
        if (!value.startsWith("[")) {
            return value;
        }
        try {
            JsonNode parsed = Json.parse(value);
            if (!parsed.isArray()) {
                return value;
            }
            List<String> values = new ArrayList<>();
            for (JsonNode element : parsed) {
                if (!element.isTextual()) {
                    return value;
                }
                values.add(element.asText());
            }
            return values;
        } catch (RuntimeException e) {
            return value;
        }
    }
}
