package io.gatehouse.engine.federation;

import io.gatehouse.api.userstore.UserRecord;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.userpool.UserPools;
import io.gatehouse.engine.users.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Optional;

/** AdminLinkProviderForUser and AdminDisableProviderForUser: upstream identities and the pool's users. */
@ApplicationScoped
@Transactional
public class FederatedUsers {

    @Inject
    UserPools pools;

    @Inject
    UserDirectory directory;

    @Inject
    IdentityProviders identityProviders;

    @Inject
    ProviderLinks links;

    /**
     * Links the upstream identity {@code source} to the native user {@code destination}, so that signing in through
     * the IdP as it signs in as that user.
     *
     * @throws ServiceException {@code UserNotFoundException} for no such native user; {@code InvalidParameterException}
     *                          for a source that is not an IdP's subject or has already signed in as a federated
     *                          user; {@code AliasExistsException} and {@code LimitExceededException} as
     *                          {@link ProviderLinks#link} says
     */
    public void link(String userPoolId, ProviderUser destination, ProviderUser source) {
        pools.get(userPoolId);
        if (!destination.isNative()) {
            throw ServiceException.invalidParameter("DestinationUser must be a user of the user pool: its"
                    + " ProviderName is Cognito and its ProviderAttributeValue the user's name.");
        }
        if (source.isNative()) {
            throw ServiceException.invalidParameter("SourceUser must be an identity of an external provider, not"
                    + " a Cognito user.");
        }
        checkSubject(userPoolId, source);
        UserRecord user = directory.get(userPoolId, destination.attributeValue());
        if (federated(userPoolId, source).isPresent()) {
            throw ServiceException.invalidParameter("Merging is not currently supported, provide a SourceUser that"
                    + " has not been federated in the user pool.");
        }
        links.link(userPoolId, source.providerName(), source.attributeValue(), user.sub());
    }

    /**
     * Ends the upstream identity's sign-ins: removes its link to a native user, and disables the federated user it
     * signed in as, if it did.
     *
     * @throws ServiceException {@code UserNotFoundException} when it has neither; {@code InvalidParameterException}
     *                          for a user that is not an IdP's subject
     */
    public void disable(String userPoolId, ProviderUser user) {
        pools.get(userPoolId);
        pools.lockForUpdate(userPoolId);
        if (user.isNative()) {
            // Cognito would turn off the native user's password; Gatehouse has no such state for a user yet.
            throw ServiceException.invalidParameter("Gatehouse does not turn off a native user's password sign-in"
                    + " with AdminDisableProviderForUser; use AdminDisableUser.");
        }
        checkSubject(userPoolId, user);
        boolean unlinked = links.unlinkAll(userPoolId, user.providerName(), user.attributeValue());
        Optional<UserRecord> federated = federated(userPoolId, user);
        federated.ifPresent(u -> directory.setEnabled(userPoolId, u.username(), false));
        if (!unlinked && federated.isEmpty()) {
            throw new ServiceException("UserNotFoundException", "User does not exist.");
        }
    }

    /** Checks that {@code user} names a subject at an IdP of the pool. */
    private void checkSubject(String userPoolId, ProviderUser user) {
        if (identityProviders.find(userPoolId, user.providerName()).isEmpty()) {
            throw ServiceException.invalidParameter("The provider " + user.providerName()
                    + " does not exist for User Pool " + userPoolId + ".");
        }
        if (!ProviderUser.SUBJECT.equals(user.attributeName())) {
            throw ServiceException.invalidParameter("Gatehouse links identities by their subject: "
                    + "ProviderAttributeName must be " + ProviderUser.SUBJECT + ".");
        }
        if (user.attributeValue().isBlank()) {
            throw ServiceException.invalidParameter("ProviderAttributeValue must be the identity's subject.");
        }
    }

    /** The federated user the upstream identity signed in as, if it did. */
    private Optional<UserRecord> federated(String userPoolId, ProviderUser user) {
        return directory.byUsername(userPoolId, user.federatedUsername());
    }
}
