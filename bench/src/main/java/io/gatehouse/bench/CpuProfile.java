package io.gatehouse.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * async-profiler attached to the server with {@code jcmd} (as bench/README.md describes: {@code ctimer}, which needs
 * no perf events), and its collapsed stacks summed up two ways: by kind of work (the first frame from the leaf that
 * names a known library) and, for the SAML endpoint's samples, by step of the sign-in (the outermost step on the
 * stack).
 */
final class CpuProfile {

    /** Kinds of work, by a frame's prefix (or, for the JVM's own C++ frames, a part of its name); first match wins. */
    private static final List<Map.Entry<String, String>> KINDS = List.of(
            Map.entry("com.amazon.corretto", "RSA signatures of the tokens (ACCP)"),
            Map.entry("sun.security.rsa", "RSA (JDK: the signature check, the key unwrap)"),
            Map.entry("java.math.BigInteger", "RSA (JDK: the signature check, the key unwrap)"),
            Map.entry("sun.security.util.math", "RSA (JDK: the signature check, the key unwrap)"),
            Map.entry("com.sun.crypto.provider", "AES-GCM and other JCE"),
            Map.entry("sun.security.provider", "SHA digests, random"),
            Map.entry("org.apache.xml.security.c14n", "XML canonicalisation (Santuario)"),
            Map.entry("org.apache.xml.security", "Santuario, other"),
            Map.entry("com.sun.org.apache.xerces", "XML parsing (the JDK's Xerces)"),
            Map.entry("com.sun.org.apache.xml", "XML serialising (the JDK's)"),
            Map.entry("com.sun.org.apache.xpath", "XPath (the JDK's)"),
            Map.entry("javax.xml", "XML parsing (the JDK's Xerces)"),
            Map.entry("org.opensaml", "OpenSAML (unmarshalling, checks)"),
            Map.entry("net.shibboleth", "OpenSAML (unmarshalling, checks)"),
            Map.entry("io.gatehouse.providers.federation.saml", "the SAML provider's own code"),
            Map.entry("org.h2", "H2"),
            Map.entry("org.eclipse.persistence", "EclipseLink"),
            Map.entry("org.jboss.resteasy", "RESTEasy"),
            Map.entry("org.jboss.weld", "Weld"),
            Map.entry("com.fasterxml.jackson", "Jackson"),
            Map.entry("com.ibm.ws.rsadapter", "Liberty connection pool, transactions"),
            Map.entry("com.ibm.ejs.j2c", "Liberty connection pool, transactions"),
            Map.entry("com.ibm.tx", "Liberty connection pool, transactions"),
            Map.entry("com.ibm.ws.tx", "Liberty connection pool, transactions"),
            Map.entry("com.ibm", "Liberty HTTP, TCP, web container"),
            Map.entry("io.openliberty", "Liberty HTTP, TCP, web container"),
            Map.entry("io.gatehouse", "Gatehouse engine"),
            Map.entry("java.util.Base64", "base64 and form decoding"),
            Map.entry("java.net.URLDecoder", "base64 and form decoding"),
            Map.entry("java.util.zip", "base64 and form decoding"),
            Map.entry("sun.nio.ch", "sockets (NIO)"),
            Map.entry("G1", "GC"),
            Map.entry("GC", "GC"),
            Map.entry("Compile", "JIT compiler"),
            Map.entry("C2", "JIT compiler"),
            Map.entry("C1", "JIT compiler"));

    /**
     * Steps of an IdP-initiated sign-in at /saml2/idpresponse, by a frame's prefix (Weld's proxies and subclasses
     * included); the outermost on a stack wins, so that what a step calls (its database work) counts as the step.
     */
    private static final List<Map.Entry<String, String>> STEPS = List.of(
            Map.entry("io.gatehouse.providers.federation.saml",
                    "the provider's checks (parse, signature, decryption, conditions)"),
            Map.entry("io.gatehouse.engine.hostedui.PageSupport.request",
                    "the relay state's authorization request (its client)"),
            Map.entry("io.gatehouse.engine.federation.IdentityProviders", "the IdP's row and details"),
            Map.entry("io.gatehouse.engine.federation.StoredDetails", "the IdP's row and details"),
            Map.entry("io.gatehouse.engine.federation.local.LocalParties", "the pool's SAML keys"),
            Map.entry("io.gatehouse.engine.federation.flow.FederatedReplays",
                    "the replay cache (the assertion's ID stored once)"),
            Map.entry("io.gatehouse.engine.userpool.UserPools", "the pool"),
            Map.entry("io.gatehouse.engine.federation", "the federated user (found, its attributes compared)"),
            Map.entry("io.gatehouse.engine.security", "the sign-out hint sealed (AES-GCM)"),
            Map.entry("io.gatehouse.engine.hostedui.SignInFlow", "the session, the app's code, the redirect"));

    private static final String ENDPOINT = "io.gatehouse.engine.hostedui.Saml2Endpoint";

    /**
     * triggers.sh: the parts of a sign-in's CPU a PreTokenGeneration trigger adds, by a frame anywhere on the stack;
     * the first rule in this order that matches wins. A stack that matches none is the sign-in's own work, which a
     * pool without a trigger does too.
     */
    private static final List<Map.Entry<String, String>> TRIGGER_PARTS = List.of(
            // Thread names (the profile is taken with async-profiler's "threads" option): the stack's first frame.
            Map.entry("[gatehouse-trigger-",
                    "java:, the trigger's own thread (woken, runs the provider, hands the answer back)"),
            Map.entry("[HttpClient-", "webhook: the JDK HttpClient's own threads (selector, responses)"),
            Map.entry("io.gatehouse.engine.trigger.WebhookRuntime",
                    "webhook, request thread: the body serialised, signed (HMAC), sent, waited for, read"),
            Map.entry("jdk.internal.net.http", "webhook: the JDK HttpClient, elsewhere"),
            Map.entry("io.gatehouse.engine.trigger.JavaRuntime",
                    "java:, request thread: the hand-off to the trigger's thread and the wait"),
            Map.entry("io.gatehouse.bench.trigger", "java:, the provider itself"),
            Map.entry("io.gatehouse.engine.trigger.TriggerJson",
                    "the event as JSON (webhook), the answer read back"),
            Map.entry("io.gatehouse.engine.trigger.calls", "the event as JSON (webhook), the answer read back"),
            Map.entry("io.gatehouse.engine.trigger.Triggers", "the trigger's dispatch and log"),
            Map.entry("io.gatehouse.engine.token.PreTokenGeneration$Decision",
                    "the answer applied to the claims (the claim set rebuilt)"),
            Map.entry("io.gatehouse.engine.token.PreTokenGeneration", "the event built"));

    /** Kinds of work a trigger's samples add to {@link #KINDS}, looked up first. */
    private static final List<Map.Entry<String, String>> TRIGGER_KINDS = List.of(
            Map.entry("jdk.internal.net.http", "the JDK HttpClient"),
            Map.entry("java.util.concurrent", "java.util.concurrent (futures, queues, thread hand-offs)"),
            Map.entry("jdk.internal.misc.Unsafe.park", "threads parked and woken"),
            Map.entry("jdk.internal.misc.Unsafe.unpark", "threads parked and woken"),
            Map.entry("javax.crypto", "HMAC-SHA256 (JCE)"),
            Map.entry("com.nimbusds", "Nimbus (the claim set)"),
            Map.entry("java.lang.Thread", "threads (start, context)"));

    private CpuProfile() {
    }

    /** Starts async-profiler ({@code lib}: its libasyncProfiler.so) in process {@code pid}. */
    static void start(Path lib, long pid) throws IOException, InterruptedException {
        start(lib, pid, false);
    }

    /** As {@link #start(Path, long)}; with {@code threads}, each stack begins with its thread's name. */
    static void start(Path lib, long pid, boolean threads) throws IOException, InterruptedException {
        jcmd(pid, lib, "start,event=ctimer,interval=1ms" + (threads ? ",threads" : ""));
    }

    /** Stops it and writes the collapsed stacks to {@code out}. */
    static void stop(Path lib, long pid, Path out) throws IOException, InterruptedException {
        jcmd(pid, lib, "stop,collapsed,file=" + out.toAbsolutePath());
    }

    /**
     * {@code jcmd <pid> JVMTI.agent_load <lib> "<options>"}: the options in double quotes, which jcmd's own parser
     * would otherwise split at their first {@code =}.
     */
    private static void jcmd(long pid, Path lib, String options) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), "JVMTI.agent_load",
                lib.toAbsolutePath().toString(), '"' + options + '"').redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0 || !output.contains("return code: 0")) {
            throw new IOException("jcmd " + options + ": " + output.trim());
        }
    }

    /** Prints the shares of the samples in {@code collapsed}, by kind and by step. */
    static void summarize(Path collapsed) throws IOException {
        Map<String, Long> byKind = new LinkedHashMap<>();
        Map<String, Long> byStep = new LinkedHashMap<>();
        Map<String, Long> endpointByKind = new LinkedHashMap<>();
        long total = 0;
        long inEndpoint = 0;
        for (String line : Files.readAllLines(collapsed)) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            long samples = Long.parseLong(line.substring(space + 1));
            // async-profiler writes class names with slashes (java/lang/Thread.run); the rules use dots.
            String stack = line.substring(0, space).replace('/', '.');
            String[] frames = stack.split(";");
            total += samples;
            String kind = deepest(frames, f -> match(KINDS, f, true), "other (JDK, JVM)");
            byKind.merge(kind, samples, Long::sum);
            if (stack.contains(ENDPOINT)) {
                inEndpoint += samples;
                byStep.merge(outermost(frames, f -> match(STEPS, f, false), "the rest of the endpoint"), samples,
                        Long::sum);
                endpointByKind.merge(kind, samples, Long::sum);
            } else {
                byStep.merge("outside the endpoint (network threads, dispatch, GC, JIT, H2's writer)", samples,
                        Long::sum);
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d samples, %.1f%% in /saml2/idpresponse's method%n",
                collapsed.getFileName(), total, 100.0 * inEndpoint / total);
        print("by kind (all samples)", byKind, total);
        print("by kind (the endpoint's samples, as % of all)", endpointByKind, total);
        print("by step", byStep, total);
    }

    /**
     * triggers.sh: prints the shares of the samples in {@code collapsed}, by kind of work, and the parts of the
     * sign-in a PreTokenGeneration trigger adds ({@link #TRIGGER_PARTS}), those parts again by kind.
     */
    static void summarizeTrigger(Path collapsed) throws IOException {
        List<Map.Entry<String, String>> kinds = new java.util.ArrayList<>(TRIGGER_KINDS);
        kinds.addAll(KINDS);
        Map<String, Long> byKind = new LinkedHashMap<>();
        Map<String, Long> byPart = new LinkedHashMap<>();
        Map<String, Long> triggerByKind = new LinkedHashMap<>();
        long total = 0;
        long inTrigger = 0;
        for (String line : Files.readAllLines(collapsed)) {
            int space = line.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            long samples = Long.parseLong(line.substring(space + 1));
            String[] frames = line.substring(0, space).replace('/', '.').split(";");
            total += samples;
            String kind = deepest(frames, f -> match(kinds, f, true), "other (JDK, JVM)");
            byKind.merge(kind, samples, Long::sum);
            String part = null;
            for (Map.Entry<String, String> rule : TRIGGER_PARTS) {
                for (String frame : frames) {
                    if (frame.startsWith(rule.getKey())) {
                        part = rule.getValue();
                        break;
                    }
                }
                if (part != null) {
                    break;
                }
            }
            if (part == null) {
                byPart.merge("the sign-in's own work (as without a trigger)", samples, Long::sum);
            } else {
                inTrigger += samples;
                byPart.merge(part, samples, Long::sum);
                triggerByKind.merge(kind, samples, Long::sum);
            }
        }
        System.out.printf(Locale.ROOT, "%s: %d samples, %.1f%% in the trigger's parts%n", collapsed.getFileName(),
                total, 100.0 * inTrigger / Math.max(1, total));
        print("by kind (all samples)", byKind, total);
        print("by part", byPart, total);
        print("the trigger's parts by kind, as % of all", triggerByKind, total);
    }

    private static void print(String title, Map<String, Long> shares, long total) {
        System.out.println("  " + title + ":");
        shares.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf(Locale.ROOT, "    %5.1f%%  %s%n", 100.0 * e.getValue() / total,
                        e.getKey()));
    }

    /** The first answer, from the leaf (the last frame) towards the root. */
    private static String deepest(String[] frames, Function<String, String> answer, String otherwise) {
        for (int i = frames.length - 1; i >= 0; i--) {
            String found = answer.apply(frames[i]);
            if (found != null) {
                return found;
            }
        }
        return otherwise;
    }

    /** The first answer, from the root (the first frame) towards the leaf. */
    private static String outermost(String[] frames, Function<String, String> answer, String otherwise) {
        for (String frame : frames) {
            String found = answer.apply(frame);
            if (found != null) {
                return found;
            }
        }
        return otherwise;
    }

    private static String match(List<Map.Entry<String, String>> rules, String frame, boolean nativeNames) {
        for (Map.Entry<String, String> rule : rules) {
            if (frame.startsWith(rule.getKey())) {
                return rule.getValue();
            }
            // The JVM's own frames (G1ParTask::work, C2Compiler::compile_method) have no package.
            if (nativeNames && !frame.contains(".") && Character.isUpperCase(rule.getKey().charAt(0))
                    && frame.contains(rule.getKey()) && frame.contains("::")) {
                return rule.getValue();
            }
        }
        return null;
    }
}
