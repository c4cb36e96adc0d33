package io.gatehouse.engine.trigger;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a pool's {@code LambdaConfig} member sends its trigger: an AWS Lambda function, a webhook, or a Java trigger
 * provider in the server. Cognito's own clients send any string here (they check no pattern), so this is where a
 * target is checked, on CreateUserPool and UpdateUserPool.
 */
public sealed interface TriggerTarget {

    /** {@code arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]}, invoked through Lambda's Invoke API. */
    record LambdaFunction(String arn, String region) implements TriggerTarget {
        public LambdaFunction {
            Objects.requireNonNull(arn, "arn");
            Objects.requireNonNull(region, "region");
        }
    }

    /** An {@code https} URL, or {@code http} on a loopback host, posted the event JSON. */
    record Webhook(URI uri) implements TriggerTarget {
        public Webhook {
            Objects.requireNonNull(uri, "uri");
        }
    }

    /** {@code java:<provider-id>}: a trigger provider installed in the server. */
    record JavaProvider(String providerId) implements TriggerTarget {
        public JavaProvider {
            Objects.requireNonNull(providerId, "providerId");
        }
    }

    /** What the log shows of a target: a webhook without its query, which may hold a token. */
    default String display() {
        if (this instanceof Webhook webhook) {
            URI uri = webhook.uri();
            return uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath());
        }
        return this instanceof LambdaFunction lambda ? lambda.arn() : "java:" + ((JavaProvider) this).providerId();
    }

    /** Cognito's pattern for a Lambda ARN, with the region captured. */
    Pattern LAMBDA_ARN = Pattern.compile("arn:aws[a-zA-Z-]*:lambda:([a-z]{2}(?:-gov)?-[a-z]+-\\d):\\d{12}:function:"
            + "[a-zA-Z0-9-_.]+(?::(?:\\$LATEST|[a-zA-Z0-9-_]+))?");
    Pattern PROVIDER_ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    /**
     * Reads a target.
     *
     * @throws IllegalArgumentException with a message for the caller, naming what is wrong
     */
    static TriggerTarget parse(String value) {
        if (value.startsWith("arn:")) {
            var matcher = LAMBDA_ARN.matcher(value);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("is not a Lambda function ARN (arn:aws:lambda:<region>:<account>"
                        + ":function:<name>)");
            }
            return new LambdaFunction(value, matcher.group(1));
        }
        if (value.startsWith("java:")) {
            String id = value.substring("java:".length());
            if (!PROVIDER_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("does not name a trigger provider (java:<provider-id>)");
            }
            return new JavaProvider(id);
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("is neither a Lambda function ARN, a URL nor java:<provider-id>");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                || !(scheme.equals("https") || scheme.equals("http") && loopback(uri.getHost()))) {
            throw new IllegalArgumentException("is not a webhook URL: https, or http on a loopback host, with no user "
                    + "name or fragment");
        }
        return new Webhook(uri);
    }

    private static boolean loopback(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            // A literal address only: no name is looked up.
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
