# Builds the app from the repository (docker compose build); the tests run in CI, not here.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B -ntp dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN mvn -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 1001 mmp && mkdir -p /app/data && chown mmp /app/data
WORKDIR /app
COPY --from=build /build/target/mmp-case-manager-*.jar app.jar
USER mmp
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
