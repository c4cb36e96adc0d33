package io.gatehouse.engine.hostedui;

import java.util.List;
import java.util.Locale;

/**
 * The languages the hosted UI speaks, and which one a visitor gets: the {@code lang} parameter if it names one, else
 * the first of the browser's Accept-Language that does, else English.
 */
final class Languages {

    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.KOREAN);

    private Languages() {
    }

    /**
     * @param lang      the {@code lang} parameter, or null
     * @param preferred the browser's languages, most wanted first (the container parses Accept-Language)
     */
    static Locale choose(String lang, List<Locale> preferred) {
        if (lang != null) {
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equalsIgnoreCase(lang)) {
                    return supported;
                }
            }
        }
        for (Locale wanted : preferred) {
            for (Locale supported : SUPPORTED) {
                if (supported.getLanguage().equals(wanted.getLanguage())) {
                    return supported;
                }
            }
        }
        return Locale.ENGLISH;
    }
}
