# Builds the app from the repository (docker compose build); the tests run in CI, not here.
# The patient portal and the reviewer workspace (src/main/portal) are built with Node 20 in its own stage, then packaged without npm.
FROM node:20-bookworm-slim AS portal
# the postinstall of @carbon/grid and @carbon/layout (from form-js) would start IBM telemetry; the check proves it did not
ENV IBM_TELEMETRY_DISABLED=true
WORKDIR /build/src/main/portal
COPY src/main/portal/package.json src/main/portal/package-lock.json ./
COPY tools/portal/no-telemetry.sh /build/tools/portal/
RUN npm ci --no-audit --no-fund && bash /build/tools/portal/no-telemetry.sh /build/src/main/portal
COPY src/main/portal ./
RUN npm run build

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B -ntp dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
COPY --from=portal /build/target/classes/static target/classes/static
RUN mvn -B -ntp -DskipTests -Dportal.skip=true package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 1001 mmp && mkdir -p /app/data && chown mmp /app/data
WORKDIR /app
COPY --from=build /build/target/mmp-case-manager-*.jar app.jar
USER mmp
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
