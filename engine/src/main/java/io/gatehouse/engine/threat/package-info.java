/**
 * Threat protection: where requests come from ({@link io.gatehouse.engine.threat.ClientOrigins}), and, in the
 * packages below, what the server does against guessing, breached passwords and account takeover.
 */
package io.gatehouse.engine.threat;
