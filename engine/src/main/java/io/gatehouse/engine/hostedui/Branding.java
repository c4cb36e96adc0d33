package io.gatehouse.engine.hostedui;

/**
 * A client's look on the hosted UI (SetUICustomization) and what its pages offer.
 *
 * @param cssUrl     the customised stylesheet, or null
 * @param logoUrl    the customised logo, or null
 * @param selfSignUp whether users may sign themselves up (not AllowAdminCreateUserOnly)
 * @param usernameLabel the message key that names what users sign in with (a user name, or their e-mail address or
 *                      phone number when the pool's UsernameAttributes say so)
 */
record Branding(String cssUrl, String logoUrl, boolean selfSignUp, String usernameLabel) {
}
