package io.gatehouse.engine.cognito.devices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.devices.Device;
import io.gatehouse.engine.json.Json;
import io.gatehouse.engine.userpool.Page;

import java.time.Instant;
import java.util.Optional;

/** Writes the device shapes of the service model. */
final class DeviceShapes {

    private DeviceShapes() {
    }

    /** {@code DeviceType}, with the attributes Cognito gives devices. */
    static ObjectNode device(Device device) {
        ObjectNode out = Json.MAPPER.createObjectNode().put("DeviceKey", device.deviceKey());
        ArrayNode attributes = out.putArray("DeviceAttributes");
        attribute(attributes, "device_status", "valid");
        if (device.name() != null) {
            attribute(attributes, "device_name", device.name());
        }
        attribute(attributes, "dev:device_remembered_status",
                device.rememberedStatus() == null ? Device.NOT_REMEMBERED : device.rememberedStatus());
        out.put("DeviceCreateDate", Json.epochSeconds(Instant.ofEpochMilli(device.createdAt())))
                .put("DeviceLastModifiedDate", Json.epochSeconds(Instant.ofEpochMilli(device.modifiedAt())));
        if (device.lastAuthenticatedAt() != null) {
            out.put("DeviceLastAuthenticatedDate", Json.epochSeconds(Instant.ofEpochMilli(device.lastAuthenticatedAt())));
        }
        return out;
    }

    /** {@code {"Devices": [...], "PaginationToken": ...}}. */
    static ObjectNode page(Page<Device> page) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        ArrayNode devices = out.putArray("Devices");
        page.items().forEach(d -> devices.add(device(d)));
        page.nextToken().ifPresent(t -> out.put("PaginationToken", t));
        return out;
    }

    static Optional<String> text(JsonNode request, String member) {
        return request.hasNonNull(member) ? Optional.of(request.get(member).asText()) : Optional.empty();
    }

    private static void attribute(ArrayNode attributes, String name, String value) {
        attributes.addObject().put("Name", name).put("Value", value);
    }
}
