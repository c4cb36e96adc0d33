package io.gatehouse.engine.uicustomization;

import io.gatehouse.engine.error.ServiceException;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pool's or app client's CSS for the hosted UI, accepted only if it can restyle the sign-in pages and do nothing
 * else. The pages hold passwords, so the CSS must not load anything (a remote font or image is a beacon, and with
 * attribute selectors a way to read the page out), nor end the {@code <style>} element it may be written into.
 *
 * <p>The checks read the raw text, comments and strings included, and refuse rather than interpret: any at-rule
 * ({@code @import}, {@code @font-face}, ...; Cognito itself refuses {@code @import}, {@code @media} and friends),
 * any backslash (an escape can spell {@code url(} so that no plain-text check sees it), any {@code <}, and any
 * function but a known harmless one ({@code url()}, {@code image-set()}, {@code expression()} and others load or
 * run things). Cognito further limits CSS to its {@code *-customizable} classes; Gatehouse does not check that.
 *
 * @param text the CSS, as given
 */
public record CustomCss(String text) {

    /** The service model's limit for {@code CSSType}. */
    public static final int MAX_CHARS = 131_072;

    /**
     * Anything that looks like a function call, even where a browser would not read one (in a comment, say). The
     * lookbehind and the possessive quantifiers keep it linear: without them a long run of letters is scanned again
     * from each of its positions, and 128 KB of CSS takes minutes.
     */
    private static final Pattern FUNCTION = Pattern.compile("(?<![\\w-])(-{0,2}[a-zA-Z_][\\w-]*+)\\s*+\\(");

    private static final Pattern AT_RULE = Pattern.compile("@[\\w-]*");

    /** Functions that compute a colour, a length, a gradient, a transform or a filter, or select elements. */
    private static final Set<String> HARMLESS_FUNCTIONS = Set.of(
            "rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch", "color", "color-mix",
            "calc", "min", "max", "clamp", "var",
            "linear-gradient", "radial-gradient", "conic-gradient", "repeating-linear-gradient",
            "repeating-radial-gradient", "repeating-conic-gradient",
            "translate", "translatex", "translatey", "rotate", "scale", "scalex", "scaley", "skew", "skewx",
            "skewy", "matrix", "cubic-bezier", "steps",
            "blur", "brightness", "contrast", "drop-shadow", "grayscale", "hue-rotate", "invert", "opacity",
            "saturate", "sepia",
            "not", "is", "where", "nth-child", "nth-last-child", "nth-of-type", "nth-last-of-type");

    /**
     * Checks CSS a caller sent.
     *
     * @throws ServiceException {@code InvalidParameterException} naming what it refused
     */
    public static CustomCss parse(String css) {
        if (css.length() > MAX_CHARS) {
            throw ServiceException.invalidParameter("The CSS must be at most " + MAX_CHARS + " characters.");
        }
        if (css.indexOf('<') >= 0) {
            throw ServiceException.invalidParameter("The CSS must not contain '<': it could end the page's style "
                    + "element.");
        }
        if (css.indexOf('\\') >= 0) {
            throw ServiceException.invalidParameter("The CSS must not contain backslash escapes: they can hide "
                    + "what a rule does.");
        }
        Matcher atRule = AT_RULE.matcher(css);
        if (atRule.find()) {
            throw ServiceException.invalidParameter("The CSS must not contain at-rules such as @import; found "
                    + atRule.group() + ".");
        }
        Matcher function = FUNCTION.matcher(css);
        while (function.find()) {
            String name = function.group(1).toLowerCase(Locale.ROOT);
            if (!HARMLESS_FUNCTIONS.contains(name)) {
                throw ServiceException.invalidParameter("The CSS must not use " + name + "(): the hosted UI's CSS "
                        + "may set colours, sizes and gradients, never load or run anything.");
            }
        }
        return new CustomCss(css);
    }
}
