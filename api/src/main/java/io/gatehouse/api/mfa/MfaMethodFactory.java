package io.gatehouse.api.mfa;

import io.gatehouse.api.provider.ProviderContext;
import io.gatehouse.api.provider.ProviderFactory;

/**
 * Creates {@link MfaMethod}s. List implementations in
 * {@code META-INF/services/io.gatehouse.api.mfa.MfaMethodFactory}. Server-level options arrive in
 * {@link #init} from {@code gatehouse.spi.mfa-method.<id>.<option>}.
 */
public interface MfaMethodFactory extends ProviderFactory<MfaMethod> {

    /**
     * Creates a method for one unit of work.
     *
     * @param context the clock, the sealer and the code channel; never null
     */
    MfaMethod create(MfaMethodContext context);

    /** The engine always hands MFA methods an {@link MfaMethodContext}; any other context is a programming error. */
    @Override
    default MfaMethod create(ProviderContext context) {
        if (context instanceof MfaMethodContext mfaContext) {
            return create(mfaContext);
        }
        throw new IllegalArgumentException("an MFA method needs an MfaMethodContext, not " + context);
    }
}
