package io.gatehouse.it.fuzz;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static java.util.Map.entry;

/**
 * The OAuth and hosted-UI endpoints the fuzzer calls, each with the query and form a real client would send
 * (naming the fixture's pool, clients, user and URLs), which {@link OAuthMutation} then breaks.
 */
enum OAuthTarget {

    AUTHORIZE("GET", "/oauth2/authorize", false) {
        @Override
        List<Map.Entry<String, String>> query(FuzzFixture f, Random r) {
            return authorization(f, r);
        }
    },
    TOKEN("POST", "/oauth2/token", false) {
        @Override
        List<Map.Entry<String, String>> form(FuzzFixture f, Random r) {
            return switch (r.nextInt(3)) {
                case 0 -> list(entry("grant_type", "authorization_code"), entry("client_id", f.publicClientId()),
                        entry("code", ShapeGenerator.uuid()), entry("redirect_uri", FuzzFixture.CALLBACK),
                        entry("code_verifier", "v".repeat(50)));
                case 1 -> list(entry("grant_type", "refresh_token"), entry("client_id", f.publicClientId()),
                        entry("refresh_token", f.refreshToken()));
                default -> list(entry("grant_type", "client_credentials"), entry("client_id", f.secretClientId()),
                        entry("client_secret", f.clientSecret()),
                        entry("scope", FuzzFixture.RESOURCE_SERVER + "/read"));
            };
        }

        @Override
        Map<String, String> headers(FuzzFixture f, Random r) {
            return r.nextInt(3) == 0 ? Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (f.secretClientId() + ":" + f.clientSecret()).getBytes())) : Map.of();
        }
    },
    REVOKE("POST", "/oauth2/revoke", false) {
        @Override
        List<Map.Entry<String, String>> form(FuzzFixture f, Random r) {
            return list(entry("token", r.nextBoolean() ? f.refreshToken() : f.accessToken()),
                    entry("client_id", f.publicClientId()));
        }
    },
    USER_INFO("GET", "/oauth2/userInfo", false) {
        @Override
        Map<String, String> headers(FuzzFixture f, Random r) {
            return Map.of("Authorization", "Bearer " + (r.nextInt(4) == 0 ? f.idToken() : f.accessToken()));
        }
    },
    LOGIN_PAGE("GET", "/login", false) {
        @Override
        List<Map.Entry<String, String>> query(FuzzFixture f, Random r) {
            return authorization(f, r);
        }
    },
    LOGIN("POST", "/login", true) {
        @Override
        List<Map.Entry<String, String>> query(FuzzFixture f, Random r) {
            return authorization(f, r);
        }

        @Override
        List<Map.Entry<String, String>> form(FuzzFixture f, Random r) {
            return list(entry("username", FuzzFixture.USERNAME),
                    entry("password", r.nextBoolean() ? FuzzFixture.PASSWORD : "Wrong-Passw0rd!"));
        }
    },
    LOGOUT("GET", "/logout", false) {
        @Override
        List<Map.Entry<String, String>> query(FuzzFixture f, Random r) {
            return r.nextBoolean() ? list(entry("client_id", f.publicClientId()), entry("logout_uri", FuzzFixture.LOGOUT))
                    : list(entry("client_id", f.publicClientId()), entry("response_type", "code"),
                    entry("redirect_uri", FuzzFixture.CALLBACK), entry("state", "s"));
        }
    },
    SIGN_UP_PAGE("GET", "/signup", false) {
        @Override
        List<Map.Entry<String, String>> query(FuzzFixture f, Random r) {
            return authorization(f, r);
        }
    },
    SIGN_UP("POST", "/signup", true) {
        @Override
        List<Map.Entry<String, String>> query(FuzzFixture f, Random r) {
            return authorization(f, r);
        }

        @Override
        List<Map.Entry<String, String>> form(FuzzFixture f, Random r) {
            return list(entry("username", "fuzz-" + r.nextInt(1_000_000)), entry("password", FuzzFixture.PASSWORD),
                    entry("email", "fuzz+" + r.nextInt(1000) + "@example.com"), entry("custom:fuzz", "x"));
        }
    },
    CONFIRM_USER("POST", "/confirmUser", true) {
        @Override
        List<Map.Entry<String, String>> query(FuzzFixture f, Random r) {
            return authorization(f, r);
        }

        @Override
        List<Map.Entry<String, String>> form(FuzzFixture f, Random r) {
            return list(entry("username", FuzzFixture.USERNAME), entry("code", "123456"));
        }
    },
    FORGOT_PASSWORD("POST", "/forgotPassword", true) {
        @Override
        List<Map.Entry<String, String>> query(FuzzFixture f, Random r) {
            return authorization(f, r);
        }

        @Override
        List<Map.Entry<String, String>> form(FuzzFixture f, Random r) {
            return list(entry("username", FuzzFixture.USERNAME));
        }
    },
    CONFIRM_FORGOT_PASSWORD("POST", "/confirmForgotPassword", true) {
        @Override
        List<Map.Entry<String, String>> query(FuzzFixture f, Random r) {
            return authorization(f, r);
        }

        @Override
        List<Map.Entry<String, String>> form(FuzzFixture f, Random r) {
            return list(entry("username", FuzzFixture.USERNAME), entry("code", "123456"),
                    entry("password", FuzzFixture.PASSWORD), entry("confirmPassword", FuzzFixture.PASSWORD));
        }
    },
    MFA("POST", "/mfa", true) {
        @Override
        List<Map.Entry<String, String>> query(FuzzFixture f, Random r) {
            return authorization(f, r);
        }

        @Override
        List<Map.Entry<String, String>> form(FuzzFixture f, Random r) {
            return list(entry("code", "123456"), entry("choice", "SOFTWARE_TOKEN_MFA"));
        }
    },
    FORCE_CHANGE_PASSWORD("POST", "/forceChangePassword", true) {
        @Override
        List<Map.Entry<String, String>> query(FuzzFixture f, Random r) {
            return authorization(f, r);
        }

        @Override
        List<Map.Entry<String, String>> form(FuzzFixture f, Random r) {
            return list(entry("password", FuzzFixture.PASSWORD), entry("confirmPassword", FuzzFixture.PASSWORD));
        }
    },
    SAML_RESPONSE("POST", "/saml2/idpresponse", false) {
        @Override
        List<Map.Entry<String, String>> form(FuzzFixture f, Random r) {
            String xml = List.of("<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\"/>",
                    "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><r>&e;</r>",
                    "not xml at all", "").get(r.nextInt(4));
            return list(entry("SAMLResponse", Base64.getEncoder().encodeToString(xml.getBytes())),
                    entry("RelayState", ShapeGenerator.uuid()));
        }
    },
    SAML_LOGOUT("GET", "/saml2/logout", false) {
        @Override
        List<Map.Entry<String, String>> query(FuzzFixture f, Random r) {
            return list(entry("SAMLRequest", Base64.getEncoder().encodeToString("<LogoutRequest/>".getBytes())),
                    entry("RelayState", "x"));
        }
    },
    IDP_RESPONSE("GET", "/oauth2/idpresponse", false) {
        @Override
        List<Map.Entry<String, String>> query(FuzzFixture f, Random r) {
            return list(entry("code", ShapeGenerator.uuid()), entry("state", ShapeGenerator.uuid()));
        }
    },
    WELL_KNOWN("GET", "/", false) {
        @Override
        String path(FuzzFixture f, Random r) {
            return "/" + (r.nextInt(4) == 0 ? FuzzFixture.strangers().get(0) : f.poolId())
                    + (r.nextBoolean() ? "/.well-known/jwks.json" : "/.well-known/openid-configuration");
        }
    };

    private final String method;
    private final String path;
    private final boolean csrf;

    OAuthTarget(String method, String path, boolean csrf) {
        this.method = method;
        this.path = path;
        this.csrf = csrf;
    }

    String method() {
        return method;
    }

    String path(FuzzFixture f, Random r) {
        return path;
    }

    /** True for the hosted UI's forms, which carry a CSRF token (the fuzzer fetches one, and sometimes not). */
    boolean csrf() {
        return csrf;
    }

    List<Map.Entry<String, String>> query(FuzzFixture f, Random r) {
        return new ArrayList<>();
    }

    List<Map.Entry<String, String>> form(FuzzFixture f, Random r) {
        return new ArrayList<>();
    }

    Map<String, String> headers(FuzzFixture f, Random r) {
        return Map.of();
    }

    /** An authorization request's parameters, as the hosted UI's pages carry them along. */
    static List<Map.Entry<String, String>> authorization(FuzzFixture f, Random r) {
        List<Map.Entry<String, String>> out = list(entry("client_id", f.publicClientId()),
                entry("response_type", r.nextInt(4) == 0 ? "token" : "code"),
                entry("redirect_uri", FuzzFixture.CALLBACK), entry("state", "st-" + r.nextInt(1000)));
        if (r.nextBoolean()) {
            out.add(entry("scope", "openid email"));
        }
        if (r.nextBoolean()) {
            out.add(entry("code_challenge", "c".repeat(43)));
            out.add(entry("code_challenge_method", "S256"));
        }
        if (r.nextInt(4) == 0) {
            out.add(entry("nonce", "n"));
        }
        if (r.nextInt(4) == 0) {
            out.add(entry("lang", r.nextBoolean() ? "ko" : "en"));
        }
        if (r.nextInt(5) == 0) {
            out.add(entry("identity_provider", r.nextBoolean() ? "COGNITO" : "Google"));
        }
        return out;
    }

    @SafeVarargs
    static List<Map.Entry<String, String>> list(Map.Entry<String, String>... entries) {
        return new ArrayList<>(List.of(entries));
    }
}
