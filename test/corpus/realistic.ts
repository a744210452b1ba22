// Realistic Dockerfiles of every kind the fixtures and examples cover (single and multi-stage,
// distroless and scratch, apt/apk/dnf, heredocs, mounts, ONBUILD, Windows escape, CRLF,
// suppressions…), varied by a seed so that a corpus is not the same few strings over and over.
import { createRandom, type Random } from './random';

export interface CorpusFile {
  kind: string;
  text: string;
}

type Template = (random: Random) => string;

const NODE_TAGS = ['20-slim', '22-alpine', '20.18-bookworm-slim', 'lts', '22'];
const PYTHON_TAGS = ['3.12-slim', '3.13-slim-bookworm', '3.11-alpine', '3.12'];
const GO_TAGS = ['1.25-alpine', '1.24-bookworm', '1.25'];
const APT_PACKAGES = ['curl', 'ca-certificates', 'git', 'build-essential', 'libpq-dev', 'gnupg', 'tzdata', 'unzip', 'jq'];
const APK_PACKAGES = ['curl', 'ca-certificates', 'git', 'build-base', 'tzdata', 'bash', 'openssl'];
const PORTS = ['3000', '8000', '8080', '443', '5000'];

const packages = (random: Random, pool: readonly string[]): string => random.some(pool, 4).join(' ');
const port = (random: Random): string => random.pick(PORTS);

const TEMPLATES: Record<string, Template> = {
  'node-single': (r) => `FROM node:${r.pick(NODE_TAGS)}
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
EXPOSE ${port(r)}
CMD ["node", "server.js"]
`,
  'node-distroless': (r) => `# syntax=docker/dockerfile:1
FROM node:${r.pick(NODE_TAGS)} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev

FROM node:${r.pick(NODE_TAGS)} AS build
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build

FROM gcr.io/distroless/nodejs22-debian12
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER nonroot
CMD ["dist/server.js"]
`,
  'python-pip': (r) => `FROM python:${r.pick(PYTHON_TAGS)}
ENV PYTHONDONTWRITEBYTECODE=1 \\
    PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
ADD app.py .
EXPOSE ${port(r)}
CMD ["python", "app.py"]
`,
  'python-venv-multistage': (r) => `ARG PYTHON_VERSION=${r.pick(['3.12', '3.13', '3.11'])}
FROM python:\${PYTHON_VERSION}-slim AS builder
RUN apt-get update && apt-get install -y --no-install-recommends ${packages(r, APT_PACKAGES)} \\
    && rm -rf /var/lib/apt/lists/*
RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

FROM python:\${PYTHON_VERSION}-slim
COPY --from=builder /opt/venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"
RUN useradd --create-home app
USER app
WORKDIR /home/app
COPY --chown=app:app . .
ENTRYPOINT ["python", "-m", "service"]
`,
  'go-scratch': (r) => `# Build a static binary, then ship it alone on an empty base.
FROM golang:${r.pick(GO_TAGS)} AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/app ./cmd/app

FROM scratch
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/
COPY --from=build /out/app /app
USER 65532:65532
EXPOSE ${port(r)}
ENTRYPOINT ["/app"]
`,
  'go-distroless-root': (r) => `FROM golang:${r.pick(GO_TAGS)} AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/app .

FROM gcr.io/distroless/static-debian12
COPY --from=build /out/app /app
ENTRYPOINT /app --port ${port(r)}
`,
  'rust-cache-mounts': () => `# syntax=docker/dockerfile:1.7
FROM rust:1.83-slim-bookworm AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/usr/local/cargo/registry \\
    --mount=type=cache,target=/src/target \\
    cargo build --release && cp target/release/app /app

FROM debian:bookworm-slim
RUN apt-get update \\
 && apt-get install -y --no-install-recommends ca-certificates \\
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /app /usr/local/bin/app
USER 10001
CMD ["app"]
`,
  'java-maven': (r) => `FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /build
COPY pom.xml .
RUN mvn -B dependency:go-offline
COPY src ./src
RUN mvn -B package -DskipTests

FROM eclipse-temurin:21-jre-alpine
RUN addgroup -S app && adduser -S app -G app
USER app
COPY --from=build /build/target/*.jar /app/app.jar
EXPOSE ${port(r)}
HEALTHCHECK --interval=30s --timeout=3s CMD wget -qO- http://localhost:${port(r)}/health || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
`,
  'alpine-apk': (r) => `FROM alpine:${r.pick(['3.20', '3.21', 'latest'])}
RUN apk update && apk add ${packages(r, APK_PACKAGES)}
RUN apk add --no-cache ${packages(r, APK_PACKAGES)}
COPY entrypoint.sh /usr/local/bin/
ENTRYPOINT ["entrypoint.sh"]
`,
  'debian-apt-problems': (r) => `FROM debian:bookworm-slim
RUN apt-get update
RUN apt-get install -y ${packages(r, APT_PACKAGES)}
RUN apt-get install -y --no-install-recommends ${packages(r, APT_PACKAGES)}
RUN rm -rf /var/lib/apt/lists/*
ADD site/ /srv/site/
ADD https://example.com/tool.tar.gz /opt/
CMD curl --version
`,
  'ubuntu-latest-root': () => `FROM ubuntu
RUN apt-get update && apt-get install -y python3 python3-pip && pip3 install flask
COPY . /srv
WORKDIR /srv
CMD python3 app.py
`,
  'nginx-static': (r) => `FROM node:${r.pick(NODE_TAGS)} AS assets
WORKDIR /web
COPY . .
RUN npm ci && npm run build

FROM nginx:1.27-alpine
COPY --from=assets /web/build /usr/share/nginx/html
ADD nginx.conf /etc/nginx/conf.d/default.conf
EXPOSE 80
STOPSIGNAL SIGQUIT
`,
  heredoc: (r) => `# syntax=docker/dockerfile:1
FROM debian:bookworm-slim
RUN <<EOF
set -eux
apt-get update
apt-get install -y --no-install-recommends ${packages(r, APT_PACKAGES)}
rm -rf /var/lib/apt/lists/*
EOF
COPY <<-'CONF' /etc/app.conf
	listen ${port(r)}
	log stdout
CONF
RUN <<-PY python3
	print("hello")
PY
USER nobody
`,
  'windows-escape': () => `# escape=\`
FROM mcr.microsoft.com/windows/servercore:ltsc2022
SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"]
RUN Invoke-WebRequest -Uri https://example.com/setup.exe -OutFile C:\\setup.exe ; \`
    Start-Process C:\\setup.exe -ArgumentList '/quiet' -Wait ; \`
    Remove-Item C:\\setup.exe
WORKDIR C:\\app
COPY . .
CMD ["app.exe"]
`,
  'args-everywhere': (r) => `ARG REGISTRY=docker.io
ARG BASE=library/node
ARG TAG=${r.pick(NODE_TAGS)}
FROM \${REGISTRY}/\${BASE}:\${TAG} AS base
ARG APP_HOME=/srv/app
ENV APP_HOME=\${APP_HOME} NODE_ENV=production
WORKDIR \${APP_HOME}
LABEL org.opencontainers.image.source="https://example.com/repo" \\
      org.opencontainers.image.licenses="MIT"

FROM base AS release
COPY --chown=node:node . .
USER node
CMD ["node", "index.js"]
`,
  'onbuild-base': () => `FROM python:3.12-slim
ONBUILD COPY requirements.txt /app/
ONBUILD RUN pip install -r /app/requirements.txt
ONBUILD ADD . /app
VOLUME ["/data"]
WORKDIR /app
`,
  'php-apache': () => `FROM php:8.3-apache
RUN apt-get update && apt-get install -y libzip-dev zip \\
    && docker-php-ext-install zip pdo_mysql
RUN apt-get clean
COPY --from=composer:2 /usr/bin/composer /usr/bin/composer
COPY . /var/www/html/
RUN composer install --no-dev --optimize-autoloader
`,
  'dotnet-chiseled': () => `FROM mcr.microsoft.com/dotnet/sdk:9.0 AS build
WORKDIR /source
COPY *.csproj .
RUN dotnet restore
COPY . .
RUN dotnet publish -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:9.0-noble-chiseled
WORKDIR /app
COPY --from=build /app .
ENTRYPOINT ["./service"]
`,
  'ruby-dnf-digest': () => `FROM registry.access.redhat.com/ubi9/ubi-minimal@sha256:0000000000000000000000000000000000000000000000000000000000000000
RUN microdnf install -y ruby && microdnf clean all
FROM fedora:41
RUN dnf install -y ruby rubygem-bundler && dnf clean all
COPY Gemfile Gemfile.lock ./
RUN bundle install --without development test
CMD ["bundle", "exec", "puma"]
`,
  suppressions: (r) => `# check=skip=JSONArgsRecommended
FROM debian:bookworm-slim
# hadolint ignore=DL3009
RUN apt-get update && apt-get install -y ${packages(r, APT_PACKAGES)}
# layerwise ignore=LW101 kept on purpose for debugging
RUN apt-get update && apt-get install -y --no-install-recommends git
USER nobody
CMD echo ready
`,
  'unused-stage-target': () => `FROM alpine:3.20 AS tools
RUN apk add --no-cache curl

FROM alpine:3.20 AS test
COPY --from=tools /usr/bin/curl /usr/bin/curl
RUN ["curl", "--version"]

FROM alpine:3.20 AS dead
RUN apk add git

FROM gcr.io/distroless/base-debian12 AS release
COPY --from=tools /usr/bin/curl /usr/bin/curl
USER 65532
`,
};

export const CORPUS_KINDS: readonly string[] = Object.keys(TEMPLATES);

/** One file of a given kind; a CRLF twin is the same kind with `\r\n` line ends. */
export function realisticDockerfile(kind: string, seed: number, lineEnding: '\n' | '\r\n' = '\n'): string {
  const template = TEMPLATES[kind];
  if (!template) throw new Error(`unknown corpus kind ${kind}`);
  const text = template(createRandom(seed));
  return lineEnding === '\n' ? text : text.replace(/\n/g, lineEnding);
}

/** `variants` files of every kind, plus one CRLF copy of every kind. */
export function realisticCorpus(variants = 2, seed = 1): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const kind of CORPUS_KINDS) {
    for (let variant = 0; variant < variants; variant++) {
      files.push({ kind, text: realisticDockerfile(kind, seed * 1000 + variant) });
    }
    files.push({ kind: `${kind} (CRLF)`, text: realisticDockerfile(kind, seed * 1000 + variants, '\r\n') });
  }
  return files;
}
