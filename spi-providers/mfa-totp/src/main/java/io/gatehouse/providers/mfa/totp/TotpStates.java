package io.gatehouse.providers.mfa.totp;

import io.gatehouse.api.mfa.MfaStateException;
import io.gatehouse.api.mfa.MfaUser;
import io.gatehouse.api.mfa.SecretSealer;

import java.time.Instant;

/**
 * The three states of the {@code totp} method and their sealed form. Each plain state starts with the format tag
 * {@value #FORMAT}, so a later version can still read it; each is sealed for
 * {@code mfa:totp:<userPoolId>:<sub>:<purpose>}, so a state opens only for its user and purpose.
 */
final class TotpStates {

    /** The shared secret of an enrolment not yet confirmed. */
    private static final String PENDING = "pending";
    /** The shared secret and the last time step accepted. */
    private static final String ENROLMENT = "enrolment";
    /** When a challenge expires. */
    private static final String CHALLENGE = "challenge";

    private static final String FORMAT = "totp1";

    /** A confirmed enrolment: the shared secret in base32 and the last time step whose code was accepted. */
    record EnrolledKey(String secretBase32, long lastStep) {

        @Override
        public String toString() {
            return "EnrolledKey[lastStep=" + lastStep + "]";
        }
    }

    private final SecretSealer sealer;

    TotpStates(SecretSealer sealer) {
        this.sealer = sealer;
    }

    String sealPending(MfaUser user, String secretBase32) {
        return seal(user, PENDING, secretBase32);
    }

    String openPending(MfaUser user, String sealed) {
        return secret(open(user, PENDING, sealed, 2)[1]);
    }

    String sealEnrolment(MfaUser user, EnrolledKey key) {
        return seal(user, ENROLMENT, key.secretBase32() + ":" + key.lastStep());
    }

    EnrolledKey openEnrolment(MfaUser user, String sealed) {
        String[] parts = open(user, ENROLMENT, sealed, 3);
        return new EnrolledKey(secret(parts[1]), number(parts[2]));
    }

    String sealChallenge(MfaUser user, Instant expiry) {
        return seal(user, CHALLENGE, Long.toString(expiry.toEpochMilli()));
    }

    Instant openChallenge(MfaUser user, String sealed) {
        return Instant.ofEpochMilli(number(open(user, CHALLENGE, sealed, 2)[1]));
    }

    private String seal(MfaUser user, String purpose, String value) {
        return sealer.seal(FORMAT + ":" + value, context(user, purpose));
    }

    private String[] open(MfaUser user, String purpose, String sealed, int parts) {
        String[] fields = sealer.open(sealed, context(user, purpose)).split(":", -1);
        if (fields.length != parts || !fields[0].equals(FORMAT)) {
            throw new MfaStateException("a totp " + purpose + " state of an unknown format");
        }
        return fields;
    }

    private static String context(MfaUser user, String purpose) {
        return "mfa:totp:" + user.userPoolId() + ":" + user.sub() + ":" + purpose;
    }

    private static String secret(String base32) {
        if (!base32.matches("[A-Z2-7]{16,}")) {
            throw new MfaStateException("a totp state whose secret is not base32");
        }
        return base32;
    }

    private static long number(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new MfaStateException("a totp state with a malformed number");
        }
    }
}
