package io.gatehouse.engine.uicustomization;

import java.util.Optional;

/**
 * Where the hosted UI's pages find a client's effective CSS and logo, without the CSS and logo themselves: what a
 * page needs on every view, read without loading the stored files.
 *
 * @param cssPath  the CSS's path on this server, when there is CSS
 * @param logoPath the logo's path on this server, when there is a logo
 */
public record UiAssets(Optional<String> cssPath, Optional<String> logoPath) {

    /** No customization: the plain hosted UI. */
    public static final UiAssets NONE = new UiAssets(Optional.empty(), Optional.empty());
}
