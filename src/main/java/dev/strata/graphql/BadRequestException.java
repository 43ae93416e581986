package dev.strata.graphql;

/** Input the client should not have sent; reported as BAD_REQUEST with this message. */
public class BadRequestException extends RuntimeException {
    public BadRequestException(String message) {
        super(message);
    }
}
