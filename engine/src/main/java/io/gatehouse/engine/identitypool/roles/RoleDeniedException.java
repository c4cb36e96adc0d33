package io.gatehouse.engine.identitypool.roles;

/** A login that may not have the role it asked for, or any role under a mapping that denies what it cannot tell. */
public class RoleDeniedException extends RuntimeException {

    public RoleDeniedException(String message) {
        super(message);
    }
}
