import { testRule } from '../testing/rule-tester';
import rule from './undefined-arg-in-from';

testRule(rule, {
  valid: [
    { name: 'BuildKit: VARIANT declared', code: 'ARG VARIANT="-alpine3.20"\nFROM node:22${VARIANT} AS jsbuilder\n' },
    { name: 'BuildKit: ALPINE_VERSION declared', code: 'ARG ALPINE_VERSION=3.20\n\nFROM alpine:${ALPINE_VERSION}\n' },
    { name: 'platform ARGs are predefined in FROM', code: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM build_${TARGETARCH}\n' },
    { name: 'a stage name', code: 'FROM alpine:3.20 AS base\nFROM base\n' },
    { name: 'an escaped dollar is no variable (backtick escape)', code: '# escape=`\nFROM alpine:`$TAG\n' },
  ],
  invalid: [
    {
      name: 'BuildKit: VARIANT undefined',
      code: 'FROM node:22${VARIANT} AS jsbuilder\n',
      errors: [{ message: "FROM argument 'VARIANT' is not declared: add `ARG VARIANT=<default>` above the first FROM, or --build-arg cannot set it.", line: 1, column: 13, endColumn: 23 }],
      output: null,
    },
    {
      name: 'BuildKit: a misspelt built-in platform ARG, with a fix',
      code: 'FROM --platform=$BUILDPLATFROM golang:1.22 AS build\n',
      errors: [{ message: "FROM argument 'BUILDPLATFROM' is not declared (did you mean 'BUILDPLATFORM'?).", column: 17, endColumn: 31 }],
      output: 'FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n',
    },
    {
      name: 'an ARG declared inside a stage, CRLF',
      code: 'FROM alpine:3.20\r\nARG BASE=debian:12\r\nFROM ${BASE}\r\n',
      errors: [{ message: /declared inside a stage \(line 2\), where FROM cannot see it/, line: 3, column: 6 }],
      output: null,
    },
    {
      name: 'a default in place does not declare it',
      code: 'FROM alpine:${TAG:-3.20}\n',
      errors: [{ message: /'TAG' is not declared/ }],
      output: null,
    },
  ],
});
