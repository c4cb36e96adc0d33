package io.gatehouse.engine.iam;

import io.gatehouse.engine.admin.AdminCredentials;
import io.gatehouse.engine.cognito.sigv4.SigV4Verifier;
import io.gatehouse.engine.cognito.sigv4.SignedRequest;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.query.QueryAction;
import io.gatehouse.engine.query.QueryAnswer;
import io.gatehouse.engine.query.QueryForms;
import io.gatehouse.engine.query.QueryProtocol;
import io.gatehouse.engine.query.QueryXml;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.Map;

/**
 * An action of the part of IAM identity pools refer to, over the Query protocol ({@code Version=2010-05-08}). Every
 * one is signed with the admin credential for the service {@code iam}, in {@code us-east-1} whatever this server's
 * region (IAM is global, and AWS's SDKs and CLI sign its calls there); its errors are IAM's.
 */
public abstract class IamAction implements QueryAction {

    static final String VERSION = "2010-05-08";
    static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";

    /** IAM's error codes and their statuses. */
    private static final Map<String, Integer> STATUSES = Map.of("EntityAlreadyExists", 409, "NoSuchEntity", 404,
            "InvalidInput", 400, "LimitExceeded", 409);

    private static final SigV4Verifier SIGNATURES = new SigV4Verifier("us-east-1", "iam");

    @Inject
    AdminCredentials adminCredentials;

    @Inject
    Clock clock;

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public QueryAnswer handle(SignedRequest request, Map<String, String> form, String requestId) {
        try {
            SIGNATURES.verify(request, clock.instant(), adminCredentials::secretFor);
        } catch (ServiceException e) {
            return error(403, QueryForms.SIGV4_CODES.getOrDefault(e.type(), "InvalidClientTokenId"), e.getMessage(),
                    requestId);
        }
        try {
            return new QueryAnswer(200, null, QueryXml.result(NAMESPACE, name(), answer(form), requestId));
        } catch (ServiceException e) {
            return error(STATUSES.getOrDefault(e.type(), 400), e.type(), e.getMessage(), requestId);
        }
    }

    /**
     * The action's result fields.
     *
     * @throws ServiceException with one of IAM's error codes as its type
     */
    abstract Map<String, ?> answer(Map<String, String> form);

    private static QueryAnswer error(int status, String code, String message, String requestId) {
        return QueryProtocol.error(NAMESPACE, status, code, message, requestId);
    }

    static ServiceException invalid(String message) {
        return new ServiceException("InvalidInput", message);
    }

    static String required(Map<String, String> form, String field) {
        String value = form.get(field);
        if (value == null || value.isEmpty()) {
            throw invalid("1 validation error detected: Value null at '" + Character.toLowerCase(field.charAt(0))
                    + field.substring(1) + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }
}
