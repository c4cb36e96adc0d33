/**
 * The {@code trigger} family: Cognito's Lambda triggers as Java code in the server. A pool's {@code LambdaConfig}
 * names each trigger's target in one of three forms: an AWS Lambda ARN ({@code arn:aws:lambda:...}, invoked through
 * Lambda's Invoke API), a webhook ({@code https://...}, or {@code http://} on loopback, posted the event JSON), or
 * {@code java:<provider-id>}, a {@link io.gatehouse.api.trigger.TriggerProviderFactory} installed in the server. All
 * three see the same event: the records of this package are Cognito's event JSON, typed (the engine writes and reads
 * the JSON for the other two runtimes), and a {@link io.gatehouse.api.trigger.TriggerException} is a function's
 * error.
 *
 * <h2>Versioning</h2>
 * The family was added in provider API 1.5. Within major version 1 it only grows: new triggers come as new default
 * methods of {@link io.gatehouse.api.trigger.TriggerProvider}, new event fields as new record components with the old
 * constructors kept.
 */
package io.gatehouse.api.trigger;
