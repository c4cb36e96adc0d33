package example.orders;

import io.gatehouse.sigv4.SigV4Filter;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import java.util.Set;

/** The service's resources, and the SigV4 filter in front of every one of them. */
@ApplicationPath("/api")
public class OrdersApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(WhoAmI.class, SigV4Filter.class);
    }
}
