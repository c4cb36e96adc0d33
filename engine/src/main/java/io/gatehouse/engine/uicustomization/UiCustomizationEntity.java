package io.gatehouse.engine.uicustomization;

import io.gatehouse.engine.persistence.PoolClientKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import java.util.Base64;

/** A row of {@code ui_customization}. */
@Entity
@Table(name = "ui_customization")
@IdClass(PoolClientKey.class)
public class UiCustomizationEntity {

    @Id
    @Column(name = "user_pool_id")
    private String userPoolId;

    @Id
    @Column(name = "client_id")
    private String clientId;

    @Lob
    @Column(name = "css")
    private String css;

    /** Base64: a text column is the one large type the migrations use alike on H2 and PostgreSQL. */
    @Lob
    @Column(name = "image")
    private String image;

    @Column(name = "image_type")
    private String imageType;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "modified_at", nullable = false)
    private long modifiedAt;

    protected UiCustomizationEntity() {
    }

    UiCustomizationEntity(String userPoolId, String clientId, long now) {
        this.userPoolId = userPoolId;
        this.clientId = clientId;
        this.createdAt = now;
    }

    /** Replaces CSS and logo together, as Cognito does: neither is kept when left out. */
    void replace(String css, byte[] image, LogoType type, long now) {
        this.css = css;
        this.image = image == null ? null : Base64.getEncoder().encodeToString(image);
        this.imageType = type == null ? null : type.contentType();
        this.modifiedAt = now;
    }

    UiCustomization view() {
        return new UiCustomization(userPoolId, clientId, css,
                image == null ? null : Base64.getDecoder().decode(image), imageType, createdAt, modifiedAt);
    }
}
