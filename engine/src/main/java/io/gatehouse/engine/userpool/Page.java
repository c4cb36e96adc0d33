package io.gatehouse.engine.userpool;

import java.util.List;
import java.util.Optional;

/**
 * One page of a listing.
 *
 * @param items     the items
 * @param nextToken the token for the next page, or empty on the last one
 */
public record Page<T>(List<T> items, Optional<String> nextToken) {

    public Page {
        items = List.copyOf(items);
    }
}
