package io.gatehouse.engine.identitypool.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatehouse.engine.error.ServiceException;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * What a resource service asks for: the signing key of one set of local-sts credentials (key id and session token)
 * for one SigV4 scope (day, region, service).
 *
 * @param accessKeyId  the credentials' access key id
 * @param sessionToken the credentials' session token, as the request carried it
 * @param date         the scope's day
 * @param region       the scope's region
 * @param service      the scope's service (signing name)
 */
public record SigningKeyRequest(String accessKeyId, String sessionToken, LocalDate date, String region,
                                String service) {

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    /** AWS signing names: lower-case letters, digits and hyphens. */
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /**
     * Reads the request's JSON object {@code {"AccessKeyId", "SessionToken", "Date": "yyyyMMdd", "Region",
     * "Service"}}.
     *
     * @throws ServiceException {@code InvalidParameterException} for a missing or malformed field
     */
    public static SigningKeyRequest parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ServiceException.invalidParameter("The request must be a JSON object.");
        }
        String accessKeyId = text(body, "AccessKeyId", 128);
        String sessionToken = text(body, "SessionToken", 4096);
        String date = text(body, "Date", 8);
        String region = text(body, "Region", 64);
        String service = text(body, "Service", 64);
        if (!REGION.matcher(region).matches()) {
            throw ServiceException.invalidParameter("Region must look like us-east-1.");
        }
        if (!SERVICE.matcher(service).matches()) {
            throw ServiceException.invalidParameter("Service must be a signing name: lower-case letters, digits "
                    + "and hyphens.");
        }
        try {
            return new SigningKeyRequest(accessKeyId, sessionToken, LocalDate.parse(date, DAY), region, service);
        } catch (DateTimeParseException e) {
            throw ServiceException.invalidParameter("Date must be a day as SigV4 scopes it, yyyyMMdd.");
        }
    }

    private static String text(JsonNode body, String field, int maxLength) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw ServiceException.invalidParameter(field + " is required, as a string.");
        }
        if (value.asText().length() > maxLength) {
            throw ServiceException.invalidParameter(field + " is longer than " + maxLength + " characters.");
        }
        return value.asText();
    }

    /** The scope's day as SigV4 writes it, {@code yyyyMMdd}. */
    public String day() {
        return date.format(DAY);
    }
}
