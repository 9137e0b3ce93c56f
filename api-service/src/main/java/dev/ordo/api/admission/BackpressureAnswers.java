package dev.ordo.api.admission;

import dev.ordo.api.web.ErrorBody;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** {@link TooFarBehind} as {@code 429 Too Many Requests}, {@code Retry-After} and {@code {"detail": ...}}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BackpressureAnswers {

    @ExceptionHandler(TooFarBehind.class)
    ResponseEntity<ErrorBody> tooFarBehind(TooFarBehind e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(new ErrorBody(e.getMessage()));
    }
}
