# syntax=docker/dockerfile:1
# One image recipe for every Spring Boot deployable; pick it with --build-arg SERVICE=<module>
# (case-service, notification-service, inspection-service, gateway). docker-compose.yml does this.
# SERVICE=local-runtime builds the platform's own command (wildlife-platform) instead, for its one-shot jobs such
# as `kafka-setup`; its entry point takes the command's arguments.

FROM eclipse-temurin:17.0.17_10-jdk-noble AS build
ARG SERVICE
WORKDIR /src
COPY . .
# The cache mount keeps the Maven repository (and the wrapper's Maven) between builds of the four images.
RUN --mount=type=cache,target=/root/.m2 \
    case "${SERVICE}" in \
      case-service|notification-service|inspection-service|gateway) jar="${SERVICE}/target/${SERVICE}-exec.jar" ;; \
      local-runtime) jar="local-runtime/target/wildlife-platform.jar" ;; \
      *) echo "build arg SERVICE must be one of case-service, notification-service, inspection-service, gateway, local-runtime (got '${SERVICE}')" >&2; exit 1 ;; \
    esac \
    && chmod +x mvnw \
    && ./mvnw -q -B -pl "${SERVICE}" -am package -DskipTests \
    && mkdir -p /out && cp "${jar}" /out/app.jar

FROM eclipse-temurin:17.0.17_10-jre-noble
ARG SERVICE
# Documentation only: the real port comes from SERVER_PORT / the service's configuration.
ARG PORT=8080
LABEL org.opencontainers.image.title="${SERVICE}" \
      org.opencontainers.image.description="Joint wildlife enforcement platform: ${SERVICE}"
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --no-create-home --shell /usr/sbin/nologin app \
    && mkdir -p /var/lib/wildlife && chown 10001:10001 /var/lib/wildlife
WORKDIR /app
# The services repackage with classifier "exec" (local-runtime depends on their plain jars), so the
# executable jar is <module>-exec.jar, not <module>.jar; local-runtime's is wildlife-platform.jar. The build stage
# copied it to /out/app.jar. Owned by root: the process cannot alter its code.
COPY --from=build /out/app.jar /app/app.jar
USER 10001:10001
EXPOSE ${PORT}
# Heap sized from the container's memory limit; exit on OOM so the restart policy replaces a broken JVM.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/app.jar"]
