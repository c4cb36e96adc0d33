/**
 * Adaptive authentication: each sign-in of a known user is compared with the user's own history and with what its
 * address has done lately ({@link io.gatehouse.engine.threat.adaptive.RiskSignal}, one class per signal), scored
 * into a risk level ({@link io.gatehouse.engine.threat.adaptive.RiskScoring}), acted on as the pool's
 * account-takeover policy says ({@link io.gatehouse.engine.threat.adaptive.AdaptiveAuthentication}), and recorded
 * as an auth event ({@link io.gatehouse.engine.threat.adaptive.AuthEvents}) with the signals that fired.
 */
package io.gatehouse.engine.threat.adaptive;
