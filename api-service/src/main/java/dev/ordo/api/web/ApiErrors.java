package dev.ordo.api.web;

import dev.ordo.api.messaging.BrokerUnavailableException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into a FastAPI-shaped body: {@code {"detail": "..."}}, or for malformed
 * input a 422 whose detail lists {@code {loc, msg, type}}. Never a stack trace; never a 500 for
 * something a client sent.
 */
@RestControllerAdvice
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorBody> refused(ApiException e) {
        return body(e.status(), e.detail());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        return body(HttpStatus.UNPROCESSABLE_ENTITY, List.of(BodyProblems.of(e)));
    }

    /** A path or query parameter that does not parse as its type; loc uses the API's snake_case name. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorBody> typeMismatch(MethodArgumentTypeMismatchException e) {
        String where = e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)
                ? "path" : "query";
        return body(HttpStatus.UNPROCESSABLE_ENTITY,
                List.of(ParameterProblems.unparsable(List.of(where, snakeCase(e.getName())), e.getRequiredType())));
    }

    /** A path id that converts to nothing, such as a tab or spaces ({@code /api/workflows/%09}). */
    @ExceptionHandler(MissingPathVariableException.class)
    ResponseEntity<ErrorBody> blankPathVariable(MissingPathVariableException e) {
        return body(HttpStatus.UNPROCESSABLE_ENTITY, List.of(ParameterProblems.unparsable(
                List.of("path", snakeCase(e.getVariableName())), e.getParameter().getParameterType())));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorBody> missingParameter(MissingServletRequestParameterException e) {
        return body(HttpStatus.UNPROCESSABLE_ENTITY,
                List.of(FieldProblem.missing(List.of("query", snakeCase(e.getParameterName())))));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ErrorBody> noRoute(NoResourceFoundException e) {
        return body(HttpStatus.NOT_FOUND, "Not Found");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorBody> wrongMethod(HttpRequestMethodNotSupportedException e) {
        return body(HttpStatus.METHOD_NOT_ALLOWED, "Method Not Allowed");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> wrongMediaType(HttpMediaTypeNotSupportedException e) {
        return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content type must be application/json");
    }

    @ExceptionHandler(BrokerUnavailableException.class)
    ResponseEntity<ErrorBody> brokerDown(BrokerUnavailableException e) {
        log.warn("Command not accepted: {}", e.getMessage());
        return body(HttpStatus.SERVICE_UNAVAILABLE, "Workflow engine not available: the event broker is unreachable");
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
            DataAccessResourceFailureException.class, TransientDataAccessException.class})
    ResponseEntity<ErrorBody> databaseDown(RuntimeException e) {
        if (ConnectionPoolExhaustion.causedBy(e)) {
            log.warn("No database connection free: {}", e.getMessage());
            return body(HttpStatus.SERVICE_UNAVAILABLE, "Server busy: no database connection became free, try again shortly");
        }
        log.warn("Database unavailable: {}", e.getMessage());
        return body(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable, try again shortly");
    }

    /**
     * The database answered the commit (or the rollback after a failure) with an error: the
     * transaction's changes did not take effect. A lost connection is a {@code databaseDown} instead.
     */
    @ExceptionHandler(TransactionSystemException.class)
    ResponseEntity<ErrorBody> notCommitted(TransactionSystemException e) {
        log.warn("Transaction not committed: {}", e.getMostSpecificCause().getMessage());
        return body(HttpStatus.SERVICE_UNAVAILABLE,
                "The database did not commit the request, so nothing was accepted; try again shortly");
    }

    /**
     * A table or schema of the read model is missing: projection-service has not created it yet, or
     * a rebuild is swapping it in. Temporary, so 503; any other refused statement is a defect.
     */
    @ExceptionHandler(BadSqlGrammarException.class)
    ResponseEntity<ErrorBody> badStatement(BadSqlGrammarException e) {
        String state = e.getSQLException() == null ? null : e.getSQLException().getSQLState();
        if ("42P01".equals(state) || "3F000".equals(state)) {
            log.warn("Read model not available: {}", e.getMostSpecificCause().getMessage());
            return body(HttpStatus.SERVICE_UNAVAILABLE, "Read model not available yet, try again shortly");
        }
        return unexpected(e);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error");
    }

    private static ResponseEntity<ErrorBody> body(HttpStatus status, Object detail) {
        return ResponseEntity.status(status).body(new ErrorBody(detail));
    }

    private static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
