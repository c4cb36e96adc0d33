package io.gatehouse.engine.cognito.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.groups.Group;
import io.gatehouse.engine.json.Json;

import java.time.Instant;
import java.util.List;

/** Reads and writes the group shapes of the service model. */
final class GroupShapes {

    private GroupShapes() {
    }

    /** {@code GroupType}. */
    static ObjectNode group(Group group) {
        ObjectNode out = Json.MAPPER.createObjectNode()
                .put("GroupName", group.name())
                .put("UserPoolId", group.userPoolId());
        if (group.description() != null) {
            out.put("Description", group.description());
        }
        if (group.roleArn() != null) {
            out.put("RoleArn", group.roleArn());
        }
        if (group.precedence() != null) {
            out.put("Precedence", group.precedence());
        }
        return out.put("LastModifiedDate", Json.epochSeconds(Instant.ofEpochMilli(group.modifiedAt())))
                .put("CreationDate", Json.epochSeconds(Instant.ofEpochMilli(group.createdAt())));
    }

    static ArrayNode groups(List<Group> groups) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        groups.forEach(g -> out.add(group(g)));
        return out;
    }

    static String text(JsonNode request, String member) {
        return request.hasNonNull(member) ? request.get(member).asText() : null;
    }

    static Integer integer(JsonNode request, String member) {
        return request.hasNonNull(member) ? request.get(member).asInt() : null;
    }
}
