package io.gatehouse.engine.identitypool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatehouse.engine.json.Json;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.Map;
import java.util.Optional;

/** A row of {@code identity_pool}. Its lists and maps are JSON in the API's shapes. */
@Entity
@Table(name = "identity_pool")
public class IdentityPoolEntity {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "allow_unauthenticated", nullable = false)
    private boolean allowUnauthenticated;

    @Column(name = "allow_classic_flow", nullable = false)
    private boolean allowClassicFlow;

    @Column(name = "developer_provider_name")
    private String developerProviderName;

    @Column(name = "supported_login_providers", nullable = false)
    private String supportedLoginProviders;

    @Column(name = "cognito_identity_providers", nullable = false)
    private String cognitoIdentityProviders;

    @Column(name = "open_id_connect_provider_arns", nullable = false)
    private String openIdConnectProviderArns;

    @Column(name = "saml_provider_arns", nullable = false)
    private String samlProviderArns;

    @Column(name = "roles", nullable = false)
    private String roles;

    @Column(name = "role_mappings", nullable = false)
    private String roleMappings;

    @Column(name = "principal_tags", nullable = false)
    private String principalTags;

    @Column(name = "tags", nullable = false)
    private String tags;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "modified_at", nullable = false)
    private long modifiedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected IdentityPoolEntity() {
    }

    IdentityPoolEntity(IdentityPool pool, long now) {
        this.id = pool.id();
        this.createdAt = now;
        this.roles = "{}";
        this.roleMappings = "{}";
        this.principalTags = "{}";
        configure(pool, now);
    }

    /** Takes the pool's configuration and tags (not its roles, which SetIdentityPoolRoles sets). */
    void configure(IdentityPool pool, long now) {
        this.name = pool.name();
        this.allowUnauthenticated = pool.allowUnauthenticated();
        this.allowClassicFlow = pool.allowClassicFlow();
        this.developerProviderName = pool.developerProviderName().orElse(null);
        this.supportedLoginProviders = Json.write(Json.object(pool.supportedLoginProviders()));
        this.cognitoIdentityProviders = Json.write(IdentityPool.CognitoProvider.write(
                pool.cognitoIdentityProviders()));
        this.openIdConnectProviderArns = Json.write(Json.array(pool.openIdConnectProviderArns()));
        this.samlProviderArns = Json.write(Json.array(pool.samlProviderArns()));
        this.tags = Json.write(Json.object(pool.tags()));
        this.modifiedAt = now;
    }

    void setRoles(IdentityPoolRoles newRoles, long now) {
        this.roles = Json.write(Json.object(newRoles.roles()));
        this.roleMappings = Json.write(IdentityPoolRoles.writeMappings(newRoles.roleMappings()));
        this.modifiedAt = now;
    }

    void setPrincipalTags(Map<String, PrincipalTags> maps, long now) {
        this.principalTags = Json.write(PrincipalTags.writeAll(maps));
        this.modifiedAt = now;
    }

    String id() {
        return id;
    }

    IdentityPool view() {
        return new IdentityPool(id, name, allowUnauthenticated, allowClassicFlow,
                Optional.ofNullable(developerProviderName),
                Json.stringMap(Json.parse(supportedLoginProviders)),
                IdentityPool.CognitoProvider.parse(Json.parse(cognitoIdentityProviders)),
                Json.stringList(Json.parse(openIdConnectProviderArns)),
                Json.stringList(Json.parse(samlProviderArns)),
                Json.stringMap(Json.parse(tags)));
    }

    IdentityPoolRoles roles() {
        ObjectNode stored = Json.parseObject(roles);
        return new IdentityPoolRoles(Json.stringMap(stored),
                IdentityPoolRoles.parseMappings(Json.parse(roleMappings)));
    }

    Map<String, PrincipalTags> principalTags() {
        return PrincipalTags.parseAll(Json.parse(principalTags));
    }
}
