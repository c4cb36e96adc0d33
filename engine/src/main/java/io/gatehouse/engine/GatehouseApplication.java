package io.gatehouse.engine;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Gatehouse's HTTP endpoints, rooted at {@code /} as Cognito's are. */
@ApplicationPath("/")
public class GatehouseApplication extends Application {
}
