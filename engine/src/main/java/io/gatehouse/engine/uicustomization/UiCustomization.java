package io.gatehouse.engine.uicustomization;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A pool's or an app client's hosted UI (classic) branding: its CSS and logo. Immutable: the logo is copied in and
 * out, so equality and the hash code are by content.
 *
 * @param userPoolId its pool
 * @param clientId   the app client it belongs to, or {@link #ALL_CLIENTS} for the pool-wide default
 * @param css        the CSS, already checked by {@link CustomCss#parse}; null when there is none
 * @param image      the logo, a PNG or JPEG of at most 100 KB; null when there is none
 * @param imageType  the logo's content type ({@code image/png} or {@code image/jpeg}); null when there is no logo
 * @param createdAt  when it was first set, in epoch milliseconds
 * @param modifiedAt when it was last set, in epoch milliseconds
 */
public record UiCustomization(String userPoolId, String clientId, String css, byte[] image, String imageType,
                              long createdAt, long modifiedAt) {

    /** The client id Cognito uses for the pool-wide default. */
    public static final String ALL_CLIENTS = "ALL";

    public UiCustomization {
        Objects.requireNonNull(userPoolId, "userPoolId");
        Objects.requireNonNull(clientId, "clientId");
        if ((image == null) != (imageType == null)) {
            throw new IllegalArgumentException("an image needs its type, and only an image has one");
        }
        image = image == null ? null : image.clone();
    }

    /** A copy of the logo, or null. */
    @Override
    public byte[] image() {
        return image == null ? null : image.clone();
    }

    /** Whether this is the pool's default for every client without its own. */
    public boolean poolWide() {
        return ALL_CLIENTS.equals(clientId);
    }

    /**
     * The logo's path on this server, when there is a logo. Relative, so that the hosted UI's pages find it on
     * whichever host served them (the base URL's or a pool domain), same-origin. The query changes with every set,
     * so a browser holding the old logo in its cache fetches the new one.
     */
    public Optional<String> logoPath() {
        return imageType == null ? Optional.empty() : Optional.of(assetPath(userPoolId, clientId, "logo", modifiedAt));
    }

    /** The CSS's path on this server, served as {@code text/css}, when there is CSS; as {@link #logoPath()}. */
    public Optional<String> cssPath() {
        return css == null ? Optional.empty() : Optional.of(assetPath(userPoolId, clientId, "css", modifiedAt));
    }

    /** The path of one asset ({@code css} or {@code logo}) of the customization kept under this pool and client. */
    static String assetPath(String userPoolId, String clientId, String asset, long modifiedAt) {
        return "/" + UiCustomizationResource.PATH + "/" + userPoolId + "/" + clientId + "/" + asset + "?v="
                + modifiedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UiCustomization c && userPoolId.equals(c.userPoolId) && clientId.equals(c.clientId)
                && Objects.equals(css, c.css) && Arrays.equals(image, c.image)
                && Objects.equals(imageType, c.imageType) && createdAt == c.createdAt
                && modifiedAt == c.modifiedAt;
    }

    @Override
    public int hashCode() {
        return Objects.hash(userPoolId, clientId, css, Arrays.hashCode(image), imageType, createdAt, modifiedAt);
    }

    /** Names the logo by type and size: its bytes would only bury the rest. */
    @Override
    public String toString() {
        return "UiCustomization[userPoolId=" + userPoolId + ", clientId=" + clientId + ", css="
                + (css == null ? "none" : css.length() + " chars") + ", image="
                + (image == null ? "none" : imageType + " " + image.length + " bytes") + ", createdAt=" + createdAt
                + ", modifiedAt=" + modifiedAt + "]";
    }
}
