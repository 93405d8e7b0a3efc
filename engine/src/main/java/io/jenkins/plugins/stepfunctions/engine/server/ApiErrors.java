package io.jenkins.plugins.stepfunctions.engine.server;

import io.jenkins.plugins.stepfunctions.engine.ApiException;

/** The errors the API layer raises, named and worded as AWS Step Functions names them. */
final class ApiErrors {
    static final String VALIDATION = "ValidationException";
    static final String SERIALIZATION = "SerializationException";
    static final String UNKNOWN_OPERATION = "UnknownOperationException";
    static final String THROTTLING = "ThrottlingException";
    static final String INTERNAL_FAILURE = "InternalFailure";
    static final String INVALID_ARN = "InvalidArn";
    static final String INVALID_NAME = "InvalidName";
    static final String INVALID_TOKEN = "InvalidToken";
    static final String ACCESS_DENIED = "AccessDeniedException";

    private ApiErrors() {
    }

    /** AWS's wording for a coral constraint, so that clients that parse it keep working. */
    static ApiException validation(String field, String value, String constraint) {
        return new ApiException(VALIDATION, "1 validation error detected: Value " + value + " at '" + field
                + "' failed to satisfy constraint: " + constraint);
    }

    static ApiException missing(String field) {
        return validation(field, "null", "Member must not be null (add the '" + field + "' field to the request)");
    }

    static ApiException wrongType(String field, String expected) {
        return new ApiException(SERIALIZATION, "Field '" + field + "' must be " + expected
                + ": fix the type of that value in the request body");
    }

    static ApiException invalidArn(String arn, String problem) {
        return new ApiException(INVALID_ARN, "Invalid Arn: '" + arn + "': " + problem);
    }

    static ApiException invalidToken(String problem) {
        return new ApiException(INVALID_TOKEN, "Invalid Token: " + problem);
    }

    /** The {@code __type} AWS sends: service errors carry the model's namespace, protocol errors coral's. */
    static String wireType(String type) {
        return switch (type) {
            case VALIDATION -> "com.amazon.coral.validate#" + type;
            case SERIALIZATION, UNKNOWN_OPERATION, INTERNAL_FAILURE, ACCESS_DENIED -> "com.amazon.coral.service#" + type;
            case THROTTLING -> "com.amazon.coral.availability#" + type;
            default -> "com.amazonaws.swf.service.v2.model#" + type;
        };
    }
}
