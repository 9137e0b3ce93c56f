package dev.ordo.api.access;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With authentication on, {@code /openapi.json} says every route takes an API key (a bearer token or
 * {@code X-API-Key}), so that Swagger UI at {@code /docs} offers to send one.
 */
@Configuration(proxyBeanMethods = false)
class ApiKeySecurityScheme {

    private static final String BEARER = "api_key_bearer";
    private static final String HEADER = "api_key_header";

    @Bean
    OpenApiCustomizer apiKeySecurity(AuthSettings settings) {
        return openApi -> {
            if (!settings.enabled()) {
                return;
            }
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents()
                    .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                            .description("An API key of a workspace, or the admin token on the admin routes"))
                    .addSecuritySchemes(HEADER, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                            .in(SecurityScheme.In.HEADER).name("X-API-Key").description("An API key of a workspace"));
            openApi.addSecurityItem(new SecurityRequirement().addList(BEARER));
            openApi.addSecurityItem(new SecurityRequirement().addList(HEADER));
        };
    }
}
