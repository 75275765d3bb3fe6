# The service's image, built from source: docker build -t action-pack-subscriptions .
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY bpmn bpmn
COPY src/main src/main
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
# the CJK font of Chinese receipts (actionpack.receipts.cjk-font)
RUN apt-get update -qq \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      fonts-wqy-microhei \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --home /app actionpack
WORKDIR /app
COPY --from=build /src/target/action-pack-subscriptions-*.jar /tmp/app.jar
# Spring Boot's CDS recipe: the jar extracted, then a training run that starts the application
# context and exits (spring.context.exit=onRefresh), leaving the classes it loaded in an archive
# the JVM maps at every start. The training run needs a database, so it gets an in-memory H2
# (the default profile otherwise; it exits before the demo data is written). Same JVM and GC as
# the entrypoint, or the archive is not used.
RUN java -Djarmode=tools -jar /tmp/app.jar extract --destination /app/application \
    && rm /tmp/app.jar \
    && java -XX:+UseSerialGC -XX:ArchiveClassesAtExit=/app/application/app.jsa \
      -Dspring.context.exit=onRefresh -jar /app/application/app.jar \
      --spring.datasource.url=jdbc:h2:mem:training --logging.level.root=WARN \
    && test -s /app/application/app.jsa
USER actionpack
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s \
  CMD wget -qO- http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:+UseSerialGC", "-XX:MaxRAMPercentage=75", \
  "-XX:SharedArchiveFile=/app/application/app.jsa", "-jar", "/app/application/app.jar"]
