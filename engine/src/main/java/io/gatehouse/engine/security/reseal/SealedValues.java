package io.gatehouse.engine.security.reseal;

/**
 * One kind of sealed value in the database and where it stands against the current data key.
 *
 * @param name          {@code table.column}
 * @param resealed      how many values this call sealed again with the current key (0 for a status)
 * @param remaining     how many are still sealed with another key (or stored in clear) afterwards
 * @param resealedOnUse whether the server cannot re-seal them itself (their context belongs to a provider) and each
 *                      moves to the current key when it is next used
 */
public record SealedValues(String name, int resealed, int remaining, boolean resealedOnUse) {
}
