package io.gatehouse.engine.iam;

import io.gatehouse.engine.json.Json;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** A stored IAM OpenID Connect provider. */
@Entity
@Table(name = "iam_oidc_provider")
public class OidcProviderEntity {

    @Id
    @Column(name = "arn")
    private String arn;

    @Column(name = "url", nullable = false)
    private String url;

    @Column(name = "client_ids", nullable = false)
    private String clientIds;

    @Column(name = "thumbprints", nullable = false)
    private String thumbprints;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected OidcProviderEntity() {
    }

    OidcProviderEntity(OidcProvider provider) {
        this.arn = provider.arn();
        this.url = provider.url();
        this.clientIds = Json.write(Json.array(provider.clientIds()));
        this.thumbprints = Json.write(Json.array(provider.thumbprints()));
        this.createdAt = provider.created().toEpochMilli();
    }

    OidcProvider view() {
        return new OidcProvider(arn, url, list(clientIds), list(thumbprints), Instant.ofEpochMilli(createdAt));
    }

    private static List<String> list(String json) {
        return Json.stringList(Json.parse(json));
    }
}
