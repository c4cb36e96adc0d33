package io.gatehouse.engine.userpool;

/** An app client with the pool it belongs to, as a sign-in reads them. */
public record ClientOfPool(UserPoolClient client, UserPool pool) {
}
