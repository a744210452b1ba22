import { testRule } from '../testing/rule-tester';
import rule from './secret-in-arg-or-env';

const ENV_MESSAGE = (name: string) =>
  `ENV ${name} stores a secret in the image config, readable by anyone who can pull the image: pass it at run time, or to a build step with RUN --mount=type=secret`;
const ARG_MESSAGE = (name: string) =>
  `ARG ${name} passes a secret as a build argument, which the image history and build records keep: use RUN --mount=type=secret,id=…,env=${name} instead`;

testRule(rule, {
  valid: [
    { name: 'BuildKit: a secret mount', code: 'FROM alpine:3.20\nRUN --mount=type=secret,id=aws_key_id,env=AWS_ACCESS_KEY_ID aws s3 cp s3://my-bucket/file .\n' },
    { name: 'BuildKit: public is allowed', code: 'FROM alpine:3.20\nARG PUBLIC_KEY\nENV SSH_PUBLIC_KEY=ssh-ed25519\n' },
    { name: 'names that point at a secret', code: 'FROM postgres:16\nENV POSTGRES_PASSWORD_FILE=/run/secrets/pg PASSWORD_PATH=/etc/pw TOKEN_ENDPOINT=https://auth.example.com/token AUTH_URL=https://auth.example.com\nARG SSH_AUTH_SOCK\nENV JWT_SECRET_EXPIRES_IN=3600\n' },
    { name: 'official python: GPG_KEY is a fingerprint', code: 'FROM buildpack-deps:bookworm\nENV GPG_KEY A035C8C19219BA821ECEA86B64E628F8D684696D\n' },
    { name: 'official php: GPG_KEYS lists fingerprints', code: 'FROM debian:12-slim\nENV GPG_KEYS="1198C0117593497A5EC5C199286AF1F9897469DC C28D937575603EB4ABB725861C0779DC5C0A9DE4"\n' },
    { name: 'switches and identifiers', code: 'FROM alpine:3.20\nENV AUTH=false DISABLE_AUTH=1\nARG AWS_ACCESS_KEY_ID\nENV USERNAME=app\n' },
    { name: 'words that only contain a token', code: 'FROM alpine:3.20\nENV MONKEY=1 TOKENIZER_PARALLELISM=false KEYBOARD=us AUTHOR=me PASSENGER_APP_ENV=production\n' },
    { name: 'a builder stage\'s ENV does not reach the image', code: 'FROM node:20 AS build\nENV API_KEY=placeholder-for-build\nRUN npm run build\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n' },
    { name: 'an empty ENV keeps nothing', code: 'FROM alpine:3.20\nENV API_TOKEN=\n' },
    { name: 'a URL password from a variable', code: 'FROM alpine:3.20\nENV DATABASE_URL=postgres://app:${DB_PASS}@db/app\n' },
    {
      name: 'connection strings whose password is a variable, empty, a placeholder or absent',
      code: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV ConnectionStrings__Default="Server=db;User Id=sa;Password=${DB_PASSWORD};"\nENV ConnectionStrings__Audit="Server=db;Pwd=$AUDIT_PW"\nENV ConnectionStrings__Empty="Server=db;User Id=sa;Password=;"\nENV ConnectionStrings__Template="Server=db;Password=<password>;"\nENV ConnectionStrings__Trusted="Data Source=db;Initial Catalog=app;Integrated Security=true"\nENV JDBC_URL="jdbc:mysql://db:3306/app?user=app&password=${DB_PASS}"\n',
    },
    { name: 'a password option without a connection string around it', code: 'FROM alpine:3.20\nENV MYSQL_OPTS="--password=prompt" NOTE="set password=later"\n' },
    { name: 'the apt-key switch', code: 'FROM debian:12-slim\nENV APT_KEY_DONT_WARN_ON_DANGEROUS_USAGE=1\n' },
  ],
  invalid: [
    {
      name: 'a literal password in an ADO.NET connection string',
      code: 'FROM mcr.microsoft.com/dotnet/aspnet:8.0\nENV ConnectionStrings__Default="Server=db;User Id=sa;Password=Secret123;"\n',
      errors: [
        {
          message:
            'the value of ENV ConnectionStrings__Default looks like a connection string with a password: a credential written in the Dockerfile is in source control and the image; rotate it and pass it with RUN --mount=type=secret',
          line: 2,
          column: 32,
          endColumn: 74,
        },
      ],
      output: null,
    },
    {
      name: 'Pwd= in an ODBC string (any case), a quoted value, a JDBC SQL Server URL, a query parameter; ARG in a build stage too',
      code: 'FROM python:3.12-slim AS build\nARG ODBC="Driver={ODBC Driver 18 for SQL Server};Server=db;UID=sa;PWD=\'s3cr;et\'"\nFROM python:3.12-slim\nENV DSN="Driver=x;server=db;pwd = hunter2" JDBC="jdbc:sqlserver://db:1433;databaseName=app;user=sa;password=Secret1"\nENV JDBC_URL="jdbc:mysql://db:3306/app?user=app&password=Secret1&useSSL=true"\n',
      errors: [
        { message: /^the value of ARG ODBC looks like a connection string with a password/, line: 2 },
        { message: /^the value of ENV DSN looks like a connection string with a password/, line: 4 },
        { message: /^the value of ENV JDBC looks like a connection string with a password/, line: 4 },
        { message: /^the value of ENV JDBC_URL looks like a connection string with a password/, line: 5 },
      ],
      output: null,
    },
    {
      name: 'BuildKit: ARG AWS_SECRET_ACCESS_KEY',
      code: 'FROM scratch\nARG AWS_SECRET_ACCESS_KEY\n',
      errors: [{ message: ARG_MESSAGE('AWS_SECRET_ACCESS_KEY'), line: 2, column: 5, endColumn: 26 }],
      output: null,
    },
    {
      name: 'BuildKit: passwd and secret keys',
      code: 'FROM alpine\nENV passwd=banana secret=passwd\n',
      errors: [{ message: ENV_MESSAGE('passwd'), column: 5, endColumn: 11 }, { message: ENV_MESSAGE('secret'), column: 19 }],
      output: null,
    },
    {
      name: 'ENV copying a build argument bakes it in; camelCase; legacy form',
      code: 'FROM node:20-slim\nARG NPM_TOKEN\nENV NPM_TOKEN=$NPM_TOKEN\nENV apiKey abc\n',
      errors: [{ message: ARG_MESSAGE('NPM_TOKEN'), line: 2 }, { message: ENV_MESSAGE('NPM_TOKEN'), line: 3 }, { line: 4, column: 5, endColumn: 11 }],
      output: null,
    },
    {
      name: 'ARG in a build stage and before FROM; DB_PASS',
      code: 'ARG REGISTRY_PASSWORD\nFROM golang:1.22 AS build\nARG GITHUB_TOKEN=""\nRUN go build\nFROM scratch\nENV DB_PASS=secret\n',
      errors: [{ message: ARG_MESSAGE('REGISTRY_PASSWORD'), line: 1 }, { message: ARG_MESSAGE('GITHUB_TOKEN'), line: 3 }, { message: ENV_MESSAGE('DB_PASS'), line: 6 }],
      output: null,
    },
    {
      name: 'credential values whatever the name, in any stage',
      code: 'FROM alpine:3.20 AS build\nENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\nARG REPO=https://deploy:s3cr3tpass@git.example.com/app.git\nFROM alpine:3.20\nENV GH=ghp_abcdefghijklmnopqrstuvwxyz0123456789\n',
      errors: [
        { message: /^the value of ENV AWS_ACCESS_KEY_ID looks like an AWS access key id: /, line: 2, column: 23, endColumn: 43 },
        { message: /^the value of ARG REPO looks like a URL with a password/, line: 3 },
        { message: /^the value of ENV GH looks like a GitHub token/, line: 5 },
      ],
      output: null,
    },
    {
      name: 'GPG private material is a secret',
      code: 'FROM debian:12-slim\nARG GPG_PRIVATE_KEY\n',
      errors: [{ message: ARG_MESSAGE('GPG_PRIVATE_KEY') }],
      output: null,
    },
    {
      name: 'ONBUILD; escape=` and CRLF',
      code: '# escape=`\r\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\r\nONBUILD ARG SA_PASSWORD\r\nENV ACCEPT_EULA=Y `\r\n    SA_PASSWORD=Str0ng!\r\n',
      errors: [{ line: 3, column: 13 }, { line: 5, column: 5, endColumn: 16 }],
      output: null,
    },
  ],
});
