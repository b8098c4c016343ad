package io.devices.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The API is served at the server root, as the official clients expect. */
@ApplicationPath("/")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Devices API",
            version = "1.0",
            description =
                "Device management for IoT fleets, compatible with the Losant REST clients. Every"
                    + " operation needs a bearer token; the scopes that allow it are listed in its"
                    + " description."),
    security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "The owner token (DEVICES_BOOTSTRAP_TOKEN) or an application API token")
public class DevicesApplication extends Application {}
