package io.gatehouse.engine.security.reseal;

import io.gatehouse.engine.federation.ResealIdentityProviderDetails;
import io.gatehouse.engine.security.ColumnSealer;
import io.gatehouse.engine.security.DataKey;
import io.gatehouse.engine.security.SealedColumn;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Re-seals the database's secrets with the current data key while the server runs, and tells how many are still
 * sealed with another: what makes a data key rotation need no restart beyond the one that gives the nodes the new
 * key. The same idempotent, row-by-row work as at start ({@link ColumnSealer}), so two nodes asked at once, or a
 * node asked while another starts, seal each value once.
 *
 * <p>The MFA methods' states ({@code user_mfa.state}) are sealed for contexts only their provider knows, so they are
 * counted, not re-sealed: an authenticator app's state is sealed again with the current key at each code it accepts.
 * SRP verifiers live in the user store, which is a provider's too; see the README.
 */
@ApplicationScoped
public class DataKeyReseal {

    private static final Logger LOG = Logger.getLogger(DataKeyReseal.class.getName());
    private static final String IDP_DETAILS = "identity_provider.details";
    private static final String MFA_STATES = "user_mfa.state";

    @Resource(lookup = "jdbc/gatehouse")
    DataSource dataSource;

    @Inject
    DataKey dataKey;

    @Inject
    ResealIdentityProviderDetails identityProviders;

    /** Where every kind of sealed value stands, changing nothing. */
    public List<SealedValues> status() {
        return run(false);
    }

    /** Re-seals what the server can, then tells where every kind stands. */
    public List<SealedValues> reseal() {
        List<SealedValues> done = run(true);
        int total = done.stream().mapToInt(SealedValues::resealed).sum();
        LOG.info(() -> "Re-sealed " + total + " value(s) with data key " + dataKey.keyId() + " on request");
        return done;
    }

    /** The id of the key values are sealed with now. */
    public String keyId() {
        return dataKey.keyId();
    }

    private List<SealedValues> run(boolean reseal) {
        ColumnSealer sealer = new ColumnSealer(dataSource, dataKey);
        List<SealedValues> values = new ArrayList<>();
        try {
            for (SealedColumn column : SealedColumn.ALL) {
                int resealed = reseal ? sealer.seal(column) : 0;
                values.add(new SealedValues(column.name(), resealed, sealer.remaining(column), false));
            }
            int idps = reseal ? identityProviders.resealAll() : 0;
            values.add(new SealedValues(IDP_DETAILS, idps, identityProviders.remaining(), false));
            values.add(new SealedValues(MFA_STATES, 0, sealer.remaining("user_mfa", "state"), true));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot re-seal the database's secrets with the data key", e);
        }
        return values;
    }
}
