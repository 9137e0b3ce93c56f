package dev.ordo.api.web;

import java.util.Arrays;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Makes Tomcat answer the requests it refuses itself in JSON ({@link JsonErrorReportValve}) rather
 * than with its HTML error page.
 */
@Component
class TomcatErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final long maxHeaderBytes;

    /** {@code server.max-http-request-header-size} bounds the request line and all headers together. */
    TomcatErrorPages(@Value("${server.max-http-request-header-size:8KB}") DataSize maxHeaderSize) {
        this.maxHeaderBytes = maxHeaderSize.toBytes();
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host && Arrays.stream(host.getPipeline().getValves())
                    .noneMatch(JsonErrorReportValve.class::isInstance)) {
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
                host.getPipeline().addValve(new JsonErrorReportValve(maxHeaderBytes));
            }
        });
    }
}
