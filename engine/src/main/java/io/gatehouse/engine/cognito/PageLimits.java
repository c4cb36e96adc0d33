package io.gatehouse.engine.cognito;

import com.fasterxml.jackson.databind.JsonNode;

/** Page sizes of the listings whose {@code Limit} Cognito caps at 60 and treats as 60 when absent or zero. */
public final class PageLimits {

    /** Cognito's largest page for users and groups, and its default. */
    public static final int MAX = 60;

    private PageLimits() {
    }

    /** The request's {@code Limit} (the model has already bounded it to 0..60), or {@link #MAX}. */
    public static int of(JsonNode request) {
        return of(request, "Limit");
    }

    /** The request's page size in {@code member} (bounded to 0..60 by the model), or {@link #MAX}. */
    public static int of(JsonNode request, String member) {
        int limit = request.path(member).asInt(0);
        return limit == 0 ? MAX : limit;
    }
}
