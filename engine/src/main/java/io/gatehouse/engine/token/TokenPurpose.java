package io.gatehouse.engine.token;

/** What a signing key signs. Cognito signs ID and access tokens with different keys, so one cannot pass for the other. */
public enum TokenPurpose {
    ID,
    ACCESS
}
