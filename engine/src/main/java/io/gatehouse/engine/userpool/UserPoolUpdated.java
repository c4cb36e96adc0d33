package io.gatehouse.engine.userpool;

/**
 * Fired (synchronously, inside the updating transaction) when UpdateUserPool has changed a pool's settings, so that
 * features holding per-user state derived from them can follow.
 *
 * @param before the pool as it was
 * @param after  the pool as it is now
 */
public record UserPoolUpdated(UserPool before, UserPool after) {
}
