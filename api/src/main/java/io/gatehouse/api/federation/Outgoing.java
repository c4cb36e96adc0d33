package io.gatehouse.api.federation;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/** What the engine sends the browser to reach the IdP: a redirect, or a form it posts there. */
public sealed interface Outgoing {

    /** A 302 to {@code location}. */
    record Redirect(URI location) implements Outgoing {
        public Redirect {
            Objects.requireNonNull(location, "location");
        }
    }

    /**
     * A page whose form posts {@code fields} to {@code action} as soon as it loads (SAML's HTTP-POST binding);
     * the engine writes the page, escaping every value.
     */
    record FormPost(URI action, Map<String, String> fields) implements Outgoing {
        public FormPost {
            Objects.requireNonNull(action, "action");
            fields = Map.copyOf(fields);
        }
    }
}
