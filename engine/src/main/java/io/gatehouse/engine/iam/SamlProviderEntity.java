package io.gatehouse.engine.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.gatehouse.engine.json.Json;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A stored IAM SAML provider. */
@Entity
@Table(name = "iam_saml_provider")
public class SamlProviderEntity {

    @Id
    @Column(name = "arn")
    private String arn;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "uuid", nullable = false)
    private String uuid;

    @Lob
    @Column(name = "metadata", nullable = false)
    private String metadata;

    @Column(name = "valid_until")
    private Long validUntil;

    @Column(name = "tags", nullable = false)
    private String tags;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected SamlProviderEntity() {
    }

    SamlProviderEntity(SamlProvider provider) {
        this.arn = provider.arn();
        this.name = provider.name();
        this.uuid = provider.uuid();
        this.createdAt = provider.created().toEpochMilli();
        ArrayNode list = Json.MAPPER.createArrayNode();
        provider.tags().forEach(tag -> list.addObject().put("Key", tag.key()).put("Value", tag.value()));
        this.tags = Json.write(list);
        replaceMetadata(provider.metadata(), provider.validUntil());
    }

    void replaceMetadata(String document, Optional<Instant> documentValidUntil) {
        this.metadata = document;
        this.validUntil = documentValidUntil.map(Instant::toEpochMilli).orElse(null);
    }

    SamlProvider view() {
        List<SamlProvider.Tag> tagList = new ArrayList<>();
        for (JsonNode tag : Json.parse(tags)) {
            tagList.add(new SamlProvider.Tag(tag.path("Key").asText(), tag.path("Value").asText()));
        }
        return new SamlProvider(arn, name, uuid, metadata, Optional.ofNullable(validUntil).map(Instant::ofEpochMilli),
                tagList, Instant.ofEpochMilli(createdAt));
    }
}
