package io.gatehouse.engine.uicustomization;

import io.gatehouse.engine.error.ServiceException;

import java.util.Arrays;

/**
 * The logo formats Cognito accepts, told apart by their first bytes: the logo is served back with this type, so
 * what a caller claims a file is never counts.
 */
public enum LogoType {

    PNG("image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}),
    JPEG("image/jpeg", new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff});

    /** Cognito's limit for a logo: 100 KB. */
    public static final int MAX_BYTES = 100 * 1024;

    private final String contentType;
    private final byte[] magic;

    LogoType(String contentType, byte[] magic) {
        this.contentType = contentType;
        this.magic = magic;
    }

    /** The content type the logo is served with. */
    public String contentType() {
        return contentType;
    }

    /**
     * The type of a logo a caller uploaded.
     *
     * @throws ServiceException {@code InvalidParameterException} when it is larger than {@link #MAX_BYTES} or
     *                          neither a PNG nor a JPEG
     */
    public static LogoType of(byte[] image) {
        if (image.length > MAX_BYTES) {
            throw ServiceException.invalidParameter("The logo image must be at most 100 KB (" + MAX_BYTES
                    + " bytes); this one is " + image.length + " bytes.");
        }
        for (LogoType type : values()) {
            if (image.length >= type.magic.length
                    && Arrays.equals(image, 0, type.magic.length, type.magic, 0, type.magic.length)) {
                return type;
            }
        }
        throw ServiceException.invalidParameter("The logo image must be a PNG or JPEG file.");
    }
}
