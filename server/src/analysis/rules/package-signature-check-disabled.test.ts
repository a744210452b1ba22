import { testRule } from '../testing/rule-tester';
import rule from './package-signature-check-disabled';

const message = (what: string) =>
  `${what} turns off package signature checks, so any mirror can serve its own packages: add the repository's signing key instead`;
const APT_CLEAN = ' && rm -rf /var/lib/apt/lists/*';

testRule(rule, {
  valid: [
    { name: 'signed repositories', code: `FROM debian:12-slim\nRUN echo "deb [signed-by=/etc/apt/keyrings/x.gpg] https://x stable main" > /etc/apt/sources.list.d/x.list && apt-get update && apt-get install -y --no-install-recommends x${APT_CLEAN}\n` },
    { name: 'a word that only mentions the flag', code: 'FROM alpine:3.20\nRUN echo --allow-untrusted\n' },
    { name: 'gpgcheck on', code: 'FROM fedora:41\nRUN dnf install -y --setopt=gpgcheck=1 httpd && dnf clean all\n' },
  ],
  invalid: [
    {
      name: 'Checkov: apt-get --allow-unauthenticated',
      code: `FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends --allow-unauthenticated curl${APT_CLEAN}\n`,
      errors: [{ message: message('apt-get --allow-unauthenticated'), line: 2, column: 66, endColumn: 89 }],
      output: `FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl${APT_CLEAN}\n`,
    },
    {
      name: 'apt options, insecure repositories, --force-yes',
      code: `FROM debian:12-slim\nRUN apt-get update --allow-insecure-repositories && apt-get -o APT::Get::AllowUnauthenticated=true install -y --no-install-recommends --force-yes x${APT_CLEAN}\n`,
      errors: [{ message: message('apt-get --allow-insecure-repositories') }, { message: message('apt-get -o APT::Get::AllowUnauthenticated=true') }, { message: message('apt-get --force-yes') }],
      output: `FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends x${APT_CLEAN}\n`,
    },
    {
      name: '[trusted=yes] in a source line: no fix',
      code: `FROM debian:12-slim\nRUN echo "deb [trusted=yes] http://repo.example.com/ ./" > /etc/apt/sources.list.d/x.list\n`,
      errors: [{ message: message('an apt source with [trusted=yes]'), column: 16, endColumn: 27 }],
      output: null,
    },
    {
      name: 'apk, dnf, yum, rpm',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache --allow-untrusted /tmp/x.apk\nFROM fedora:41\nRUN dnf install -y --nogpgcheck x && yum install -y --setopt=gpgcheck=0 y && rpm -i --nosignature z.rpm && dnf clean all\n',
      errors: [{ line: 2, message: message('apk --allow-untrusted') }, { line: 4, message: message('dnf --nogpgcheck') }, { line: 4, message: message('yum --setopt=gpgcheck=0') }, { line: 4, message: message('rpm --nosignature') }],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache /tmp/x.apk\nFROM fedora:41\nRUN dnf install -y x && yum install -y y && rpm -i z.rpm && dnf clean all\n',
    },
    {
      name: 'heredoc; ONBUILD; CRLF',
      code: 'FROM alpine:3.20\r\nRUN <<EOF\r\napk add --no-cache --allow-untrusted x\r\nEOF\r\nONBUILD RUN apk add --no-cache --allow-untrusted y\r\n',
      errors: [{ line: 3 }, { line: 5 }],
      output: 'FROM alpine:3.20\r\nRUN <<EOF\r\napk add --no-cache x\r\nEOF\r\nONBUILD RUN apk add --no-cache y\r\n',
    },
  ],
});
