package io.gatehouse.engine.devices;

import io.gatehouse.engine.srp.SrpVerifier;

import java.math.BigInteger;
import java.util.Optional;

/**
 * A device a user signed in from.
 *
 * @param deviceKey           Cognito's DeviceKey, {@code <region>_<uuid>}
 * @param userPoolId          its pool
 * @param sub                 its user
 * @param deviceGroupKey      the DeviceGroupKey handed out with it: SRP's "pool name" for the device
 * @param name                what the client called it at ConfirmDevice
 * @param salt                the device's SRP salt (hex), null until confirmed
 * @param verifier            the device's SRP verifier (hex), null until confirmed
 * @param rememberedStatus    remembered, not_remembered, or null while the user has not chosen
 * @param createdAt           epoch milliseconds
 * @param modifiedAt          epoch milliseconds
 * @param lastAuthenticatedAt epoch milliseconds of its last sign-in, or null
 */
public record Device(String deviceKey, String userPoolId, String sub, String deviceGroupKey, String name,
                     String salt, String verifier, String rememberedStatus, long createdAt, long modifiedAt,
                     Long lastAuthenticatedAt) {

    public static final String REMEMBERED = "remembered";
    public static final String NOT_REMEMBERED = "not_remembered";

    /** Whether ConfirmDevice has given it a verifier. */
    public boolean confirmed() {
        return verifier != null;
    }

    /** Whether the user chose to remember it: then it proves itself with DEVICE_SRP_AUTH at sign-in. */
    public boolean remembered() {
        return confirmed() && REMEMBERED.equals(rememberedStatus);
    }

    /** Its SRP verifier, once confirmed. */
    public Optional<SrpVerifier> srpVerifier() {
        return confirmed() ? Optional.of(new SrpVerifier(new BigInteger(salt, 16), new BigInteger(verifier, 16)))
                : Optional.empty();
    }
}
