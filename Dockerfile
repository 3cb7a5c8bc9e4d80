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
# Class Data Sharing (Spring Boot's CDS support): the jar extracted, then a training run up to the end of the
# context's start (an in-memory database, nothing kept) records the classes it loads. It starts in about 7 s instead
# of 12 s on two cores (docs/benchmarks.md, "Start-up").
RUN java -Djarmode=tools -jar app.jar extract --destination extracted && rm app.jar \
 && MMP_DATABASE_URL='jdbc:h2:mem:training;DB_CLOSE_DELAY=-1' MMP_DOCUMENT_DIR=/tmp/training/documents \
    MMP_MAIL_OUTBOX=/tmp/training/outbox java -XX:ArchiveClassesAtExit=extracted/app.jsa -Xlog:cds=off \
    -Xlog:cds+dynamic=off -Dspring.context.exit=onRefresh -jar extracted/app.jar \
 && rm -rf /tmp/training
USER mmp
EXPOSE 8080
# the same relative paths as in the training run: CDS checks the class path against the one it recorded
ENTRYPOINT ["java", "-XX:SharedArchiveFile=extracted/app.jsa", "-Xlog:cds=off", "-jar", "extracted/app.jar"]
