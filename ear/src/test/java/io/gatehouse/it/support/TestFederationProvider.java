package io.gatehouse.it.support;

import io.gatehouse.api.federation.FederationProviderFactory;
import io.gatehouse.api.testing.ProviderJarBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.gatehouse.it.support.ProviderInstaller.awaitReadiness;
import static io.gatehouse.it.support.ProviderInstaller.providers;

/**
 * A federation provider built in the test, as a third party would build one, and installed on the test server for
 * the suites that manage IdPs: the server's own types (OIDC, the social ones) come in modules of their own, and a
 * type of the test's makes these suites independent of them. Its type {@value #TYPE} takes:
 * <ul>
 *   <li>{@code client_id}, required;</li>
 *   <li>{@code client_secret}, required, a secret that DescribeIdentityProvider shows;</li>
 *   <li>{@code private_key}, a secret that it does not show;</li>
 *   <li>{@code oidc_issuer}, from which it completes {@code authorize_url} as discovery would, and
 *       {@code authorize_url}, {@code authorize_scopes};</li>
 * </ul>
 * and refuses any other key. It signs no one in.
 */
public final class TestFederationProvider {

    /** Its ProviderType. */
    public static final String TYPE = "GatehouseTestIdP";
    /** Its provider id, as readiness lists it. */
    public static final String ID = "it-test-idp";

    private static final String JAR = "gatehouse-it-test-idp.jar";
    private static final String PACKAGE = "com.example.testidp";

    private TestFederationProvider() {
    }

    /** Builds the jar, installs it and waits until the restarted application has the type. */
    public static void install() throws Exception {
        Path dir = Files.createTempDirectory("test-idp");
        Path jar = new ProviderJarBuilder()
                .source(PACKAGE + ".TestIdpFactory", FACTORY)
                .source(PACKAGE + ".TestIdp", PROVIDER)
                .service(FederationProviderFactory.class, PACKAGE + ".TestIdpFactory")
                .build(dir.resolve(JAR));
        ProviderInstaller.install(jar);
        awaitReadiness(r -> providers(r).path("federation/" + ID).asText().startsWith("loaded")
                && "UP".equals(r.path("status").asText()));
    }

    /** Removes the jar and waits until the restarted application no longer has it. */
    public static void uninstall() throws Exception {
        ProviderInstaller.remove(List.of(JAR));
        awaitReadiness(r -> providers(r).isObject() && !providers(r).has("federation/" + ID)
                && "UP".equals(r.path("status").asText()));
    }

    private static final String FACTORY = """
            package com.example.testidp;

            import io.gatehouse.api.federation.FederationProvider;
            import io.gatehouse.api.federation.FederationProviderFactory;
            import io.gatehouse.api.provider.ProviderConfig;
            import io.gatehouse.api.provider.ProviderContext;

            public class TestIdpFactory implements FederationProviderFactory {
                public String id() { return "%s"; }
                public void init(ProviderConfig config) { }
                public FederationProvider create(ProviderContext context) { return new TestIdp(); }
            }
            """.formatted(ID);

    private static final String PROVIDER = """
            package com.example.testidp;

            import io.gatehouse.api.federation.*;
            import java.net.URI;
            import java.util.*;

            public class TestIdp implements FederationProvider {
                static final List<DetailKey> KEYS = List.of(
                        DetailKey.plain("client_id", true),
                        new DetailKey("client_secret", true, true, true),
                        new DetailKey("private_key", false, true, false),
                        DetailKey.plain("oidc_issuer", false),
                        DetailKey.plain("authorize_url", false),
                        DetailKey.plain("authorize_scopes", false));

                public String providerType() { return "%s"; }

                public List<DetailKey> detailKeys() { return KEYS; }

                public Map<String, String> configure(Map<String, String> requested)
                        throws InvalidProviderDetailsException {
                    for (String key : requested.keySet()) {
                        if (KEYS.stream().noneMatch(k -> k.name().equals(key))) {
                            throw new InvalidProviderDetailsException("unknown detail " + key);
                        }
                    }
                    Map<String, String> details = new TreeMap<>();
                    for (DetailKey key : KEYS) {
                        String value = requested.get(key.name());
                        if (value != null && !value.isBlank()) {
                            details.put(key.name(), value);
                        } else if (key.required()) {
                            throw new InvalidProviderDetailsException(key.name() + " is required");
                        }
                    }
                    if (details.containsKey("oidc_issuer")) {
                        details.putIfAbsent("authorize_url", details.get("oidc_issuer") + "/authorize");
                    }
                    return details;
                }

                public SignInStart begin(IdentityProviderSettings idp, SignInRequest request)
                        throws FederationException {
                    throw new FederationException(FederationException.Reason.UNAVAILABLE, "a test type");
                }

                public UpstreamIdentity complete(IdentityProviderSettings idp, Callback callback, String pending)
                        throws FederationException {
                    throw new FederationException(FederationException.Reason.UNAVAILABLE, "a test type");
                }
            }
            """.formatted(TYPE);
}
