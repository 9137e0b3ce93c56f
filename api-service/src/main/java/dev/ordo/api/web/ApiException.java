package dev.ordo.api.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An expected refusal of a client request, answered as {@code {"detail": ...}} with its status.
 * {@code detail} is a string or any JSON-serialisable structure.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final transient Object detail;

    public ApiException(HttpStatus status, Object detail) {
        super(detail instanceof String text ? text : status.getReasonPhrase());
        this.status = status;
        this.detail = detail;
    }

    public static ApiException notFound(String detail) {
        return new ApiException(HttpStatus.NOT_FOUND, detail);
    }

    public static ApiException badRequest(Object detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, detail);
    }

    /** A 422 listing each malformed field; call only with at least one problem. */
    public static ApiException unprocessable(List<FieldProblem> problems) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, List.copyOf(problems));
    }

    public HttpStatus status() {
        return status;
    }

    public Object detail() {
        return detail;
    }
}
