package io.gatehouse.engine.hostedui;

import jakarta.enterprise.context.ApplicationScoped;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the hosted UI's pages: Thymeleaf templates beside this class, escaped by default, with their words from
 * the {@code messages} bundle in the page's language.
 */
@ApplicationScoped
public class Pages {

    private final TemplateEngine engine;

    public Pages() {
        ClassLoaderTemplateResolver templates = new ClassLoaderTemplateResolver(Pages.class.getClassLoader());
        templates.setPrefix("io/gatehouse/engine/hostedui/templates/");
        templates.setSuffix(".html");
        templates.setTemplateMode(TemplateMode.HTML);
        templates.setCharacterEncoding(StandardCharsets.UTF_8.name());
        templates.setCacheable(true);
        engine = new TemplateEngine();
        engine.setTemplateResolver(templates);
        engine.setMessageResolver(new BundleMessages());
    }

    /** The page {@code template} in {@code locale}, with {@code model}'s values. */
    public String render(String template, Locale locale, Map<String, Object> model) {
        return engine.process(template, new Context(locale, model));
    }
}
