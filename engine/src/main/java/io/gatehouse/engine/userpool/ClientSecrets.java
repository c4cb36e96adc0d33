package io.gatehouse.engine.userpool;

import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.security.DataKey;
import io.gatehouse.engine.security.SealedColumn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An app client's secrets, rotated as Cognito rotates them (AddUserPoolClientSecret, ListUserPoolClientSecrets,
 * DeleteUserPoolClientSecret): a confidential client has one or two, every one of them valid, and never none. The two
 * live in the client's row, in two slots each sealed for itself: the first is always taken, so deleting the secret in
 * it moves the other one there. Each method is one transaction that locks the client's row, so that two calls at
 * once cannot leave three secrets or none.
 */
@ApplicationScoped
@Transactional
public class ClientSecrets {

    /** Cognito's limit: two secrets at once, for a rotation without downtime. */
    static final int MAX_SECRETS = 2;

    @Inject
    UserPoolClients clients;

    @Inject
    DataKey dataKey;

    @Inject
    Clock clock;

    /**
     * Adds a secret: {@code chosen}, else a generated one.
     *
     * @return the new secret
     * @throws ServiceException {@code ResourceNotFoundException} for an unknown pool or client,
     *                          {@code InvalidParameterException} for a public client or a secret it already has,
     *                          {@code LimitExceededException} when it has two already
     */
    public ClientSecret add(String userPoolId, String clientId, Optional<String> chosen) {
        UserPoolClientEntity entity = clients.find(userPoolId, clientId, LockModeType.PESSIMISTIC_WRITE);
        UserPoolClient client = clients.view(entity);
        if (client.secrets().isEmpty()) {
            throw ServiceException.invalidParameter("Client " + clientId
                    + " has no client secret: secrets can be added to confidential clients only.");
        }
        if (client.secrets().size() >= MAX_SECRETS) {
            throw new ServiceException("LimitExceededException", "Client " + clientId + " already has "
                    + MAX_SECRETS + " client secrets; delete one before adding another.");
        }
        String value = chosen.orElseGet(Identifiers::clientSecret);
        if (client.secretMatches(value)) {
            throw ServiceException.invalidParameter("Client " + clientId + " already has this client secret.");
        }
        long now = clock.millis();
        long created = Math.max(now, client.secrets().get(0).created().toEpochMilli() + 1);
        String id = StoredClientSecret.id(clientId, created);
        entity.secondSecret(id, seal(SealedColumn.SECOND_CLIENT_SECRET, value, entity), created, now);
        return new ClientSecret(id, value, Instant.ofEpochMilli(created));
    }

    /**
     * The client's secrets, oldest first; none for a public client.
     *
     * @throws ServiceException {@code ResourceNotFoundException} for an unknown pool or client
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ClientSecret> list(String userPoolId, String clientId) {
        return clients.get(userPoolId, clientId).secrets();
    }

    /**
     * Deletes one of the client's secrets.
     *
     * @throws ServiceException {@code ResourceNotFoundException} for an unknown pool, client or secret,
     *                          {@code InvalidParameterException} for the client's last secret
     */
    public void delete(String userPoolId, String clientId, String clientSecretId) {
        UserPoolClientEntity entity = clients.find(userPoolId, clientId, LockModeType.PESSIMISTIC_WRITE);
        List<StoredClientSecret> stored = entity.storedSecrets();
        StoredClientSecret doomed = stored.stream().filter(s -> s.id().equals(clientSecretId)).findFirst()
                .orElseThrow(() -> ServiceException.resourceNotFound("Client secret " + clientSecretId
                        + " does not exist."));
        if (stored.size() == 1) {
            throw ServiceException.invalidParameter("Client secret " + clientSecretId
                    + " is the client's last secret and cannot be deleted.");
        }
        long now = clock.millis();
        if (doomed.slot().equals(SealedColumn.CLIENT_SECRET)) {
            // The first slot is never empty: the other secret moves there, sealed again for it.
            StoredClientSecret kept = stored.get(1);
            String value = dataKey.openText(kept.sealed(), kept.slot().context(userPoolId, clientId));
            entity.firstSecret(kept.id(), seal(SealedColumn.CLIENT_SECRET, value, entity), kept.createdAt(), now);
        }
        entity.secondSecret(null, null, null, now);
    }

    private String seal(SealedColumn slot, String value, UserPoolClientEntity entity) {
        return dataKey.sealText(value, slot.context(entity.userPoolId(), entity.clientId()));
    }
}
