package io.gatehouse.engine.hostedui;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.AbstractMessageResolver;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The pages' words, from {@code io/gatehouse/engine/hostedui/messages*.properties} (UTF-8, as Java reads property
 * bundles since 9). A missing key shows as itself, so a gap in a translation is visible rather than silent.
 */
final class BundleMessages extends AbstractMessageResolver {

    static final String BUNDLE = "io.gatehouse.engine.hostedui.messages";

    @Override
    public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
        return message(context.getLocale(), key, parameters);
    }

    @Override
    public String createAbsentMessageRepresentation(ITemplateContext context, Class<?> origin, String key,
                                                    Object[] parameters) {
        return "??" + key + "??";
    }

    /** The message {@code key} in {@code locale}, or null when no bundle has it. */
    static String message(Locale locale, String key, Object... parameters) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale, BundleMessages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        try {
            String pattern = bundle.getString(key);
            return parameters == null || parameters.length == 0 ? pattern
                    : new MessageFormat(pattern, locale).format(parameters);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
