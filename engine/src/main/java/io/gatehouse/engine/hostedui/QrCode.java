package io.gatehouse.engine.hostedui;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import java.util.Map;

/**
 * A QR code as an inline SVG, drawn on the server (ZXing encodes, this draws): the page makes no request elsewhere,
 * and the secret it carries never leaves the page. Presentation attributes only, no style, so the pages'
 * Content-Security-Policy holds.
 */
final class QrCode {

    private static final int MODULE = 4;

    private QrCode() {
    }

    /**
     * The SVG of a QR code holding {@code text}; the text is only ever encoded, never written into the markup.
     *
     * @param label what the image is, for screen readers; escaped here
     */
    static String svg(String text, String label) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode a QR code", e);
        }
        int size = matrix.getWidth() * MODULE;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x * MODULE).append(',').append(y * MODULE)
                            .append('h').append(MODULE).append('v').append(MODULE).append("h-").append(MODULE)
                            .append('z');
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" role=\"img\" aria-label=\"" + escape(label)
                + "\" width=\"" + size + "\" height=\""
                + size + "\" viewBox=\"0 0 " + size + " " + size + "\"><rect width=\"100%\" height=\"100%\" "
                + "fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
