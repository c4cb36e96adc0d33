package io.gatehouse.it.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * One call the fuzzer makes to the user-pool API: the operation it was made for, the X-Amz-Target and Content-Type
 * it sends (null: the header is left out), whether it is signed with the admin credential, its body, and the
 * mutation that made it.
 */
record ApiCase(String operation, String target, String contentType, boolean signed, byte[] body, String mutation) {

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The case as a failure report shows it: enough to send it again by hand. */
    String describe() {
        String text = bodyText();
        return operation + " [" + mutation + "] target=" + target + " content-type=" + contentType + " signed="
                + signed + " body(" + body.length + " bytes)=" + (text.length() > 1500
                ? text.substring(0, 1500) + "..." : text);
    }
}
