package io.gatehouse.api.message;

/** How a message reaches a user. */
public enum Channel {
    /** A text message to a phone number in E.164 form. */
    SMS,
    /** An e-mail message. */
    EMAIL
}
