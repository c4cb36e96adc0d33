package io.gatehouse.engine.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The clock the engine reads time from; one place to replace for tests that control time. */
@ApplicationScoped
public class Clocks {

    // Singleton, not ApplicationScoped: Clock is a JDK type, and needs no client proxy.
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
