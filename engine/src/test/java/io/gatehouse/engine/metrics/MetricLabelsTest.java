package io.gatehouse.engine.metrics;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The labels the metrics take come from fixed sets: path templates, status classes, known flows. */
class MetricLabelsTest {

    @Path("oauth2")
    static class Endpoint {
        @GET
        @Path("token")
        public String token() {
            return "";
        }

        @GET
        public String root() {
            return "";
        }

        @GET
        @Path("/{poolId}/.well-known/jwks.json")
        public String keys() {
            return "";
        }
    }

    static class Unrooted {
        @GET
        @Path("/")
        public String root() {
            return "";
        }
    }

    @Test
    void templateWhenClassAndMethodPathsThenJoinedOnceWithoutTrailingSlash() throws Exception {
        assertThat(HttpMetricsFilter.template(Endpoint.class, Endpoint.class.getMethod("token")))
                .isEqualTo("/oauth2/token");
        assertThat(HttpMetricsFilter.template(Endpoint.class, Endpoint.class.getMethod("root")))
                .isEqualTo("/oauth2");
        assertThat(HttpMetricsFilter.template(Endpoint.class, Endpoint.class.getMethod("keys")))
                .as("the template, not a pool id").isEqualTo("/oauth2/{poolId}/.well-known/jwks.json");
        assertThat(HttpMetricsFilter.template(Unrooted.class, Unrooted.class.getMethod("root"))).isEqualTo("/");
    }

    @Test
    void statusClassWhenAnyStatusThenOneOfFiveClassesOrUnknown() {
        assertThat(GatehouseMetrics.statusClass(200)).isEqualTo("2xx");
        assertThat(GatehouseMetrics.statusClass(302)).isEqualTo("3xx");
        assertThat(GatehouseMetrics.statusClass(404)).isEqualTo("4xx");
        assertThat(GatehouseMetrics.statusClass(503)).isEqualTo("5xx");
        assertThat(GatehouseMetrics.statusClass(99)).isEqualTo("unknown");
        assertThat(GatehouseMetrics.statusClass(600)).isEqualTo("unknown");
    }

    @Test
    void flowWhenInitiateAuthFlowThenItselfElseUnknown() {
        assertThat(SignInMetrics.flow("USER_SRP_AUTH")).isEqualTo("USER_SRP_AUTH");
        assertThat(SignInMetrics.flow("USER_PASSWORD_AUTH")).isEqualTo("USER_PASSWORD_AUTH");
        assertThat(SignInMetrics.flow("user_srp_auth' or 1=1")).isEqualTo("unknown");
        assertThat(SignInMetrics.flow(null)).isEqualTo("unknown");
    }
}
