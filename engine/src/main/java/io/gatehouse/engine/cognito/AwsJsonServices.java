package io.gatehouse.engine.cognito;

import io.gatehouse.engine.error.ServiceException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The services of the endpoint, by {@code X-Amz-Target} prefix. */
public final class AwsJsonServices {

    private final Map<String, AwsJsonService> byPrefix = new LinkedHashMap<>();

    public AwsJsonServices(List<AwsJsonService> services) {
        for (AwsJsonService service : services) {
            if (byPrefix.put(service.targetPrefix(), service) != null) {
                throw new IllegalStateException("two services for " + service.targetPrefix());
            }
        }
    }

    /** The service with this prefix, or empty. */
    public Optional<AwsJsonService> byPrefix(String targetPrefix) {
        return Optional.ofNullable(byPrefix.get(targetPrefix));
    }

    /**
     * The service an {@code X-Amz-Target} value ({@code <prefix>.<operation>}) names.
     *
     * @throws ServiceException {@code UnknownOperationException} when the value names none
     */
    public AwsJsonService forTarget(String target) {
        int dot = target == null ? -1 : target.indexOf('.');
        return Optional.ofNullable(dot < 0 ? null : byPrefix.get(target.substring(0, dot)))
                .orElseThrow(() -> new ServiceException("UnknownOperationException",
                        "The X-Amz-Target header must name an operation of "
                                + String.join(" or ", byPrefix.keySet()) + "."));
    }
}
