# The access-token service, built from this repository. Used by docker-compose.yml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY token-domain/ token-domain/
COPY token-projections/ token-projections/
COPY token-lifecycle/ token-lifecycle/
COPY token-api/ token-api/
COPY audit-export/ audit-export/
COPY dev-broker/ dev-broker/
COPY bench/ bench/
COPY token-app/ token-app/
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app vai
WORKDIR /app
COPY --from=build /src/token-app/target/token-app.jar /app/token-app.jar
USER vai
# 8080: the public API; 9000: the management port (/internal, /actuator), for the login service and Prometheus only
EXPOSE 8080 9000
# The options the benchmark suite runs the service with (README, Performance): under 512 MiB resident with a million
# tokens stored. Raise -Xmx with the container's memory limit if a larger heap is wanted.
ENV VAI_MODE=production \
    MALLOC_ARENA_MAX=2 \
    JAVA_TOOL_OPTIONS="-Xms64m -Xmx192m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=160m -Xss512k -Daxoniq.update-checker.disabled=true"
ENTRYPOINT ["java", "-jar", "/app/token-app.jar"]
