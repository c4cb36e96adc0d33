package io.gatehouse.api.userstore;

import java.util.List;
import java.util.Optional;

/**
 * One page of a user query.
 *
 * @param users      the users, in the store's stable order; copied
 * @param nextCursor an opaque cursor that continues after the last user, or empty on the last page
 */
public record UserPage(List<UserRecord> users, Optional<String> nextCursor) {

    public UserPage {
        users = List.copyOf(users);
        nextCursor = nextCursor == null ? Optional.empty() : nextCursor;
    }
}
