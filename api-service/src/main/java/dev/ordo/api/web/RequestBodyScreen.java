package dev.ordo.api.web;

import dev.ordo.contract.wire.JsonCodec;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one place every request passes before any route sees it: a body larger than
 * {@code ordo.http.max-body-size} (2 MiB by default) is refused with 413; a query that is no valid
 * percent-encoded UTF-8, and a JSON body holding text PostgreSQL cannot store (NUL or a lone
 * surrogate in any string, value or key, or NUL in a query parameter), with 422 naming each such field. The body is read once, up to the limit, and handed on from memory.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyScreen extends OncePerRequestFilter {

    private final int limit;

    RequestBodyScreen(@Value("${ordo.http.max-body-size:2MB}") DataSize maxBodySize) {
        this.limit = (int) Math.min(Integer.MAX_VALUE - 1, maxBodySize.toBytes());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<FieldProblem> undecodable = QueryEncoding.problems(request.getQueryString());
        if (!undecodable.isEmpty()) {
            refuse(response, HttpStatus.UNPROCESSABLE_CONTENT, undecodable);
            return;
        }
        List<FieldProblem> nulInQuery = UnstorableText.inQuery(request.getQueryString());
        if (!nulInQuery.isEmpty()) {
            refuse(response, HttpStatus.UNPROCESSABLE_CONTENT, nulInQuery);
            return;
        }
        if (!hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        long declared = request.getContentLengthLong();
        byte[] body = declared > limit ? null : readAtMost(request.getInputStream(), limit);
        if (body == null) {
            refuse(response, HttpStatus.CONTENT_TOO_LARGE, tooLarge(declared));
            return;
        }
        List<FieldProblem> nul = UnstorableText.in(body);
        if (!nul.isEmpty()) {
            refuse(response, HttpStatus.UNPROCESSABLE_CONTENT, nul);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** A body is announced by a length above zero or by chunked transfer. */
    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** The whole body, or null when it is longer than {@code limit}. */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] body = in.readNBytes(limit + 1);
        return body.length > limit ? null : body;
    }

    private Map<String, Object> tooLarge(long declared) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("message", "The request body takes " + (declared > limit ? declared + " bytes" : "more than " + limit
                + " bytes") + "; at most " + limit + " bytes are accepted");
        if (declared > limit) {
            detail.put("size_bytes", declared);
        }
        detail.put("limit_bytes", limit);
        return detail;
    }

    private static void refuse(HttpServletResponse response, HttpStatus status, Object detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(JsonCodec.instance().encode(new ErrorBody(detail)));
    }
}
