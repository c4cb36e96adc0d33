package io.gatehouse.engine.identitypool.sts;

/**
 * An answer of the STS Query protocol: its HTTP status, its XML body and, for an error, its code.
 *
 * @param status    the HTTP status
 * @param errorCode the error's code ({@code InvalidClientTokenId}), or null for a success
 * @param body      the XML document
 */
public record StsAnswer(int status, String errorCode, String body) {
}
