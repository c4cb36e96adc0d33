package io.gatehouse.engine.identitypool.sts;

import io.gatehouse.engine.cognito.sigv4.SignedRequest;
import io.gatehouse.engine.error.ServiceException;
import io.gatehouse.engine.query.QueryAction;
import io.gatehouse.engine.query.QueryAnswer;
import io.gatehouse.engine.query.QueryForms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * GetCallerIdentity, signed with local-sts credentials: who the caller is (the assumed role of their identity), which
 * is also how an AWS SDK checks credentials.
 */
@ApplicationScoped
public class GetCallerIdentity implements QueryAction {

    @Inject
    StsCallers callers;

    @Override
    public String version() {
        return Sts.VERSION;
    }

    @Override
    public String name() {
        return "GetCallerIdentity";
    }

    @Override
    public QueryAnswer handle(SignedRequest request, Map<String, String> form, String requestId) {
        StsSession caller;
        try {
            caller = callers.authenticate(request);
        } catch (ServiceException e) {
            String code = QueryForms.SIGV4_CODES.getOrDefault(e.type(), "InvalidClientTokenId");
            return Sts.error(403, code, e.getMessage(), requestId);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Arn", caller.assumedRoleArn());
        fields.put("UserId", caller.assumedRoleId());
        fields.put("Account", caller.roleAccount());
        return Sts.result(name(), fields, requestId);
    }
}
