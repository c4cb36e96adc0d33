package io.gatehouse.engine.query;

/**
 * An answer of the Query protocol (STS, IAM): its HTTP status, its XML body and, for an error, its code.
 *
 * @param status    the HTTP status
 * @param errorCode the error's code ({@code InvalidClientTokenId}), or null for a success
 * @param body      the XML document
 */
public record QueryAnswer(int status, String errorCode, String body) {
}
