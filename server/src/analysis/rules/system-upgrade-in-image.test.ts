import { testRule } from '../testing/rule-tester';
import rule from './system-upgrade-in-image';

const MESSAGE = '`apt-get upgrade` upgrades every package into a new layer: update the base image instead (a newer tag or digest) and rebuild';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --only-upgrade openssl\n',
    'FROM alpine:3.20\nRUN apk upgrade --no-cache openssl\n',
    'FROM centos:7\nRUN yum update -y openssl\n',
    'FROM fedora:40\nRUN dnf -y upgrade openssl\n',
    { name: 'ONBUILD', code: 'FROM debian:12-slim\nONBUILD RUN apt-get upgrade -y\n' },
    {
      name: 'a builder stage may upgrade',
      code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get upgrade -y\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out /out\n',
    },
  ],
  invalid: [
    {
      name: 'apt-get upgrade',
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get upgrade -y\n',
      errors: [{ message: MESSAGE, column: 23, endColumn: 38 }],
    },
    {
      name: 'dist-upgrade and full-upgrade, even with packages named',
      code: 'FROM ubuntu:24.04\nRUN apt-get dist-upgrade -y && apt full-upgrade -y foo\n',
      errors: [{ message: /^`apt-get dist-upgrade`/ }, { message: /^`apt full-upgrade`/ }],
    },
    {
      name: 'apk, yum, dnf, microdnf, zypper',
      code: 'FROM alpine:3.20\nRUN apk upgrade --no-cache && yum -y update && dnf upgrade -y && microdnf update && zypper --non-interactive dup\n',
      errors: [
        { message: /^`apk upgrade`/ },
        { message: /^`yum update`/ },
        { message: /^`dnf upgrade`/ },
        { message: /^`microdnf update`/ },
        { message: /^`zypper dup`/ },
      ],
    },
    {
      name: 'heredoc, escape=` and CRLF',
      code: '# escape=`\r\nFROM debian:12-slim\r\nRUN <<EOF\r\napt-get upgrade -y\r\nEOF\r\n',
      errors: [{ line: 4, column: 1 }],
    },
    {
      name: 'the stage the shipped stage is built on',
      code: 'FROM alpine:3.20 AS base\nRUN apk upgrade\nFROM base\nCMD ["sh"]\n',
      errors: [{ line: 2 }],
    },
  ],
});
