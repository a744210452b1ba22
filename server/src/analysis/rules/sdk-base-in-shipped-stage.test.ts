import { testRule } from '../testing/rule-tester';
import rule from './sdk-base-in-shipped-stage';

testRule(rule, {
  valid: [
    {
      name: 'the SDK is in a builder stage',
      code: 'FROM golang:1.25 AS build\nWORKDIR /src\nRUN go build -o /out/app .\nFROM gcr.io/distroless/base-debian12:nonroot\nCOPY --from=build /out/app /app\nENTRYPOINT ["/app"]\n',
    },
    { name: 'a CI image without a start command', code: 'FROM golang:1.25\nRUN go install golang.org/x/tools/gopls@v0.16.2\n' },
    { name: 'a test image', code: 'FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nENTRYPOINT ["dotnet", "test"]\n' },
    { name: 'a JRE is a runtime', code: 'FROM eclipse-temurin:21-jre\nCOPY app.jar /app.jar\nCMD ["java", "-jar", "/app.jar"]\n' },
    { name: 'a stage built on another stage is judged at its root', code: 'FROM debian:bookworm-slim AS base\nFROM base\nCMD ["app"]\n' },
    { name: 'an unresolved image', code: 'ARG IMAGE\nFROM $IMAGE\nCMD ["app"]\n' },
  ],
  invalid: [
    {
      name: 'golang alpine: distroless static, the go build output copied',
      code: 'FROM golang:1.25-alpine\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /usr/local/bin/server .\nEXPOSE 8080\nENTRYPOINT ["server"]\n',
      errors: [
        {
          message:
            '`golang:1.25-alpine` ships the Go toolchain in the image: build in a builder stage and copy the output into a runtime image such as `gcr.io/distroless/static-debian12:nonroot` (~167 MB → ~2.4 MB)',
          line: 1,
          column: 6,
          endColumn: 24,
        },
      ],
      output:
        'FROM golang:1.25-alpine AS builder\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /usr/local/bin/server .\n\nFROM gcr.io/distroless/static-debian12:nonroot\nWORKDIR /src\nCOPY --from=builder /src /src\nCOPY --from=builder /usr/local/bin/server /usr/local/bin/server\nEXPOSE 8080\nENTRYPOINT ["server"]\n',
    },
    {
      name: 'a shell-form CMD needs a runtime with a shell',
      code: 'FROM golang:1.25-bookworm\nWORKDIR /src\nCOPY . .\nRUN go build -o app .\nCMD ./app --port 8080\n',
      errors: [{ message: /such as `gcr.io\/distroless\/base-debian12:nonroot` \(~753 MB → ~20 MB\)$/ }],
      output:
        'FROM golang:1.25-bookworm AS builder\nWORKDIR /src\nCOPY . .\nRUN go build -o app .\n\nFROM debian:bookworm-slim\nWORKDIR /src\nCOPY --from=builder /src /src\nCMD ./app --port 8080\n',
    },
    {
      name: '.NET SDK → chiseled ASP.NET runtime, the publish output copied, USER app kept',
      code: 'FROM mcr.microsoft.com/dotnet/sdk:8.0\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app\nUSER app\nENTRYPOINT ["dotnet", "/app/api.dll"]\n',
      errors: [{ message: /\(~824 MB → ~108 MB\)$/ }],
      output:
        'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS builder\nWORKDIR /src\nCOPY . .\nRUN dotnet publish -c Release -o /app\nUSER app\n\nFROM mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled\nWORKDIR /src\nCOPY --from=builder /src /src\nCOPY --from=builder /app /app\nUSER app\nENTRYPOINT ["dotnet", "/app/api.dll"]\n',
    },
    {
      name: 'maven with a temurin tag → a JRE; sizes unknown are not invented',
      code: 'FROM maven:3.9-eclipse-temurin-21\nWORKDIR /build\nCOPY . .\nRUN mvn -B package\nCMD ["java", "-jar", "target/app.jar"]\n',
      errors: [{ message: '`maven:3.9-eclipse-temurin-21` ships Maven and a JDK in the image: build in a builder stage and copy the output into a runtime image such as `eclipse-temurin:21-jre`' }],
      output:
        'FROM maven:3.9-eclipse-temurin-21 AS builder\nWORKDIR /build\nCOPY . .\nRUN mvn -B package\n\nFROM eclipse-temurin:21-jre\nWORKDIR /build\nCOPY --from=builder /build /build\nCMD ["java", "-jar", "target/app.jar"]\n',
    },
    {
      name: 'a JDK image without a nameable runtime: no fix',
      code: 'FROM rust:1.80\nRUN cargo install --path /src\nCMD ["app"]\n',
      errors: [{ message: /ships the Rust toolchain/ }],
      output: null,
    },
    {
      name: 'the SDK in a stage the shipped one is built FROM: reported at its FROM, no fix',
      code: 'FROM eclipse-temurin:21-jdk AS base\nWORKDIR /app\nFROM base\nCMD ["java", "-jar", "app.jar"]\n',
      errors: [{ line: 1, message: /such as `eclipse-temurin:21-jre` \(~598 MB → ~315 MB\)$/ }],
      output: null,
    },
    {
      name: 'CRLF, escape=` and ONBUILD (a base image: no fix)',
      code: '# escape=`\r\nFROM golang:1.25-alpine\r\nWORKDIR /src\r\nONBUILD COPY . .\r\nCMD ["/src/app"]\r\n',
      errors: [{ line: 2 }],
      output: null,
    },
    {
      name: 'a moved EXPOSE reads a variable the SDK image may set, which the runtime image lacks: no fix (fuzz seed 18935, CR line breaks)',
      code: "FROM --from=0 golang:1.25 AS build\rENTRYPOINT\t--mount=type=cache,target=/var/cache/apt --from=0 npm install -g yarn; yum clean all && \\\n    apt-get install -y --no-install-recommends git ca-certificates\rWORKDIR /app ./src ''\rEXPOSE\t${VAR} 'siingle'\r",
      errors: [{ line: 1 }],
      output: null,
    },
    {
      name: 'a variable the stage defines moves with its ENV',
      code: 'FROM golang:1.25-alpine\nENV PORT=8080\nWORKDIR /src\nRUN go build -o app .\nEXPOSE $PORT\nENTRYPOINT ["/src/app"]\n',
      errors: [{ line: 1 }],
      output:
        'FROM golang:1.25-alpine AS builder\nENV PORT=8080\nWORKDIR /src\nRUN go build -o app .\n\nFROM gcr.io/distroless/static-debian12:nonroot\nENV PORT=8080\nWORKDIR /src\nCOPY --from=builder /src /src\nEXPOSE $PORT\nENTRYPOINT ["/src/app"]\n',
    },
    {
      name: 'a HEALTHCHECK with curl cannot move to a small image: no fix',
      code: 'FROM golang:1.25-alpine\nWORKDIR /src\nRUN go build -o app .\nHEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1\nCMD ["/src/app"]\n',
      errors: [{ line: 1 }],
      output: null,
    },
  ],
});
