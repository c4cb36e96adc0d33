package io.gatehouse.engine.cognito.threat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.cognito.CognitoOperation;
import io.gatehouse.engine.cognito.PageLimits;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.threat.adaptive.AuthEvent;
import io.gatehouse.engine.threat.adaptive.AuthEventFeedback;
import io.gatehouse.engine.threat.adaptive.AuthEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * AdminListUserAuthEvents: a page of a user's auth events, newest first. The NextToken is the id of the page's last
 * event, which the next page starts after.
 */
@ApplicationScoped
public class AdminListUserAuthEvents implements CognitoOperation {

    @Inject
    AuthEvents events;

    @Inject
    AuthEventFeedback users;

    @Override
    public String name() {
        return "AdminListUserAuthEvents";
    }

    @Override
    public ObjectNode handle(ObjectNode request) {
        String pool = request.get("UserPoolId").asText();
        String sub = users.subOf(pool, request.get("Username").asText());
        AuthEvent after = null;
        if (request.hasNonNull("NextToken")) {
            after = events.find(pool, sub, request.get("NextToken").asText()).orElseThrow(() ->
                    ServiceException.invalidParameter("The NextToken is not one of this user's auth events."));
        }
        int size = PageLimits.of(request, "MaxResults");
        // One more than asked, to know whether a next page exists.
        List<AuthEvent> page = events.page(pool, sub, size + 1, after);
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode list = out.putArray("AuthEvents");
        page.stream().limit(size).forEach(e -> list.add(AuthEventShapes.event(e)));
        if (page.size() > size) {
            out.put("NextToken", page.get(size - 1).id());
        }
        return out;
    }
}
