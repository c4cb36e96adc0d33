package io.gatehouse.providers.mfa.code;

import io.gatehouse.api.message.DeliveryException;
import io.gatehouse.api.message.OutboundMessage;
import io.gatehouse.api.mfa.ChallengeSettings;
import io.gatehouse.api.mfa.IssuedChallenge;
import io.gatehouse.api.mfa.MfaMethod;
import io.gatehouse.api.mfa.MfaMethodContext;
import io.gatehouse.api.mfa.MfaUser;
import io.gatehouse.api.mfa.Verification;
import io.gatehouse.api.mfa.Verification.Outcome;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A second factor that sends a six-digit code to an address of the user's and checks it once: SMS_MFA and
 * EMAIL_OTP, which differ only in their {@link CodeMedium}. Needs no enrolment: an address is enough, verified or
 * not, as in Cognito. Each challenge has its own code; the engine discards a challenge's state after its VALID
 * answer, which is what makes the code single-use.
 */
public final class MessageCodeMethod implements MfaMethod {

    private static final int CODE_RANGE = 1_000_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MfaMethodContext context;
    private final CodeMedium medium;
    private final CodeOptions options;

    public MessageCodeMethod(MfaMethodContext context, CodeMedium medium, CodeOptions options) {
        this.context = context;
        this.medium = medium;
        this.options = options;
    }

    @Override
    public String name() {
        return medium.methodName();
    }

    @Override
    public boolean usableBy(MfaUser user) {
        return user.attribute(medium.attribute()).isPresent();
    }

    @Override
    public Optional<String> deliveryAttribute() {
        return Optional.of(medium.attribute());
    }

    @Override
    public IssuedChallenge issue(MfaUser user, Optional<String> enrolmentState, ChallengeSettings settings)
            throws DeliveryException {
        noEnrolment(enrolmentState);
        String destination = user.attribute(medium.attribute()).orElseThrow(() -> new IllegalArgumentException(
                medium.methodName() + " needs the user's " + medium.attribute()));
        String code = String.format("%06d", RANDOM.nextInt(CODE_RANGE));
        Instant expiry = context.clock().instant().plus(settings.codeValidity().orElse(options.codeValidity()));
        String body = settings.messageTemplate().orElse(options.message())
                .replace(ChallengeSettings.CODE_PLACEHOLDER, code);
        Optional<String> subject = options.subject().map(fallback -> settings.emailSubject().orElse(fallback));
        // Sent before the state exists: a refused message leaves no challenge behind.
        context.channel().send(new OutboundMessage(medium.channel(), destination, subject, body, List.of(code)));
        return new IssuedChallenge(CodeChallengeState.of(code, expiry).seal(context.sealer(), medium.id(), user),
                Map.of(IssuedChallenge.DELIVERY_MEDIUM, medium.deliveryMedium(),
                        IssuedChallenge.DELIVERY_DESTINATION, medium.mask().apply(destination)));
    }

    @Override
    public Verification verify(MfaUser user, Optional<String> enrolmentState, String challengeState, String answer) {
        noEnrolment(enrolmentState);
        CodeChallengeState state = CodeChallengeState.open(context.sealer(), medium.id(), user, challengeState);
        if (context.clock().instant().isAfter(state.expiry())) {
            return Verification.of(Outcome.EXPIRED);
        }
        return Verification.of(state.matches(answer == null ? "" : answer.strip()) ? Outcome.VALID : Outcome.WRONG);
    }

    private void noEnrolment(Optional<String> enrolmentState) {
        if (enrolmentState.isPresent()) {
            throw new IllegalArgumentException(medium.methodName() + " has no enrolment state");
        }
    }
}
