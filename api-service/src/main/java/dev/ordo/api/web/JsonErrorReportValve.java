package dev.ordo.api.web;

import dev.ordo.contract.wire.JsonCodec;
import java.io.IOException;
import java.io.PrintWriter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import jakarta.servlet.RequestDispatcher;
import org.apache.coyote.http11.HeadersTooLargeException;
import org.apache.tomcat.util.res.StringManager;

/**
 * Tomcat's own error answers (a request it refuses before any filter or route sees it: a malformed
 * or over-long request line, a header too large or holding control characters, {@code %2F},
 * {@code %5C} or {@code %00} in a path, a URI that is no valid UTF-8) as {@code {"detail": ...}} in
 * JSON instead of Tomcat's HTML page. A request line over the header buffer is 414, a header over it
 * 431. Only the status and a fixed sentence are written: never the request's text, a stack trace or
 * the server's version.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    private static final String TOO_LARGE = StringManager.getManager("org.apache.coyote.http11")
            .getString("iib.requestheadertoolarge.error");

    private final long maxHeaderBytes;

    JsonErrorReportValve(long maxHeaderBytes) {
        this.maxHeaderBytes = maxHeaderBytes;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        if (status == 400 && tooLarge(request, throwable)) {
            status = requestLineParsed(request) ? 431 : 414;
            response.setStatus(status);
        }
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(JsonCodec.instance().encodeToString(new ErrorBody(sentence(status))));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response is already closed: nothing more can be told.
        }
    }

    /** Tomcat reports a request line or headers over its buffer with this exception or this message. */
    private static boolean tooLarge(Request request, Throwable throwable) {
        for (Object cause : new Object[] {throwable, request.getAttribute(RequestDispatcher.ERROR_EXCEPTION),
                request.getCoyoteRequest().getAttribute(RequestDispatcher.ERROR_EXCEPTION)}) {
            if (cause instanceof HeadersTooLargeException
                    || cause instanceof IllegalArgumentException e && TOO_LARGE.equals(e.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** Tomcat reads the request line before the headers, into the same buffer. */
    private static boolean requestLineParsed(Request request) {
        return !request.getCoyoteRequest().requestURI().isNull();
    }

    private String sentence(int status) {
        switch (status) {
            case 400:
                return "Bad request: the request line, a header or the URL's encoding is malformed"
                        + " (for example %2F, %5C or %00 in a path, or a control character in a header)";
            case 404:
                return "Not Found";
            case 405:
                return "Method Not Allowed";
            case 408:
                return "The request was not received in time";
            case 413:
                return "The request is too large";
            case 414:
                return "The request line is too long: the URL must fit in "
                        + maxHeaderBytes + " bytes together with the headers";
            case 431:
                return "The request headers are too large: at most " + maxHeaderBytes
                        + " bytes are accepted for the request line and headers together";
            case 503:
                return "Service unavailable, try again shortly";
            default:
                return status < 500 ? "The request was refused" : "Internal server error";
        }
    }
}
