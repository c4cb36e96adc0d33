package io.gatehouse.providers.mfa.totp;

import io.gatehouse.api.mfa.MfaMethod;
import io.gatehouse.api.mfa.MfaMethodContext;
import io.gatehouse.api.mfa.MfaMethodFactory;
import io.gatehouse.api.provider.ProviderConfig;
import io.gatehouse.api.provider.ProviderInitializationException;

import java.time.Duration;

/**
 * MFA method {@code totp}: Cognito's {@code SOFTWARE_TOKEN_MFA}, codes from an authenticator app (RFC 6238).
 * Options, under {@code gatehouse.spi.mfa-method.totp.}:
 * <ul>
 *   <li>{@code window}: how many 30-second steps before and after the server's a code may come from, for clocks
 *       that drift; 0 to 3, default 1;</li>
 *   <li>{@code code-validity-seconds}: how long a challenge may be answered when the pool does not say; 30 to
 *       86400, default 180 (Cognito's three minutes).</li>
 * </ul>
 */
public class TotpMethodFactory implements MfaMethodFactory {

    private TotpOptions options = TotpOptions.DEFAULTS;

    @Override
    public String id() {
        return "totp";
    }

    @Override
    public void init(ProviderConfig config) throws ProviderInitializationException {
        int window = config.getInt("window", TotpOptions.DEFAULTS.window());
        if (window < 0 || window > 3) {
            throw new ProviderInitializationException("option 'window' must be 0 to 3 time steps, not " + window);
        }
        int validity = config.getInt("code-validity-seconds",
                (int) TotpOptions.DEFAULTS.codeValidity().toSeconds());
        if (validity < 30 || validity > 86_400) {
            throw new ProviderInitializationException(
                    "option 'code-validity-seconds' must be 30 to 86400, not " + validity);
        }
        options = new TotpOptions(window, Duration.ofSeconds(validity));
    }

    @Override
    public MfaMethod create(MfaMethodContext context) {
        return new TotpMethod(context, options);
    }
}
