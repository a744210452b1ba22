import { testRule } from '../testing/rule-tester';
import rule from './legacy-key-value';

testRule(rule, {
  valid: [
    'FROM alpine:3.20\nENV NODE_ENV=production\n',
    'FROM alpine:3.20\nENV GREETING="hello world" LANG=C.UTF-8\nLABEL version=1.0 description="an app"\n',
    { name: 'BuildKit: a multi-line value in key=value form', code: 'FROM alpine:3.20\nENV DEPS="\\\n    curl \\\n    git"\n' },
    { name: 'ARG has no legacy form', code: 'FROM alpine:3.20\nARG VERSION=1\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.20\nENV NODE_ENV production\n',
      errors: [{ message: '"ENV NODE_ENV …" is the legacy form: write ENV NODE_ENV=production', line: 2, column: 5, endColumn: 24 }],
      output: 'FROM alpine:3.20\nENV NODE_ENV=production\n',
    },
    {
      name: 'a value with spaces is quoted; LABEL too',
      code: 'FROM alpine:3.20\nENV PATH /opt/bin:$PATH\nLABEL description an  app\n',
      errors: [{ line: 2 }, { line: 3, message: '"LABEL description …" is the legacy form: write LABEL description="an  app"' }],
      output: 'FROM alpine:3.20\nENV PATH=/opt/bin:$PATH\nLABEL description="an  app"\n',
    },
    {
      name: 'an already quoted value keeps its quotes',
      code: "FROM alpine:3.20\nENV GREETING \"hello world\"\nENV SINGLE 'a b'\n",
      errors: [{ line: 2 }, { line: 3 }],
      output: "FROM alpine:3.20\nENV GREETING=\"hello world\"\nENV SINGLE='a b'\n",
    },
    {
      name: 'BuildKit: a multi-line legacy value is reported without a fix',
      code: 'FROM alpine:3.20\nENV DEPS \\\n    curl \\\n    git\n',
      errors: [{ line: 2, message: '"ENV DEPS …" is the legacy form: write ENV DEPS="…"' }],
      output: null,
    },
    {
      name: 'lone CR line breaks around a continued ENV: reported, no rewrite that could take in the next FROM',
      code: 'FROM debian:bookworm-slim\rENV  \\\r#!/bin/sh\rFROM python:3.12\rFROM alpine\r',
      errors: [{ line: 3 }],
      output: null,
    },
    {
      name: 'mixed quotes and spaces: no fix; ONBUILD and CRLF',
      code: 'FROM alpine:3.20\r\nONBUILD ENV MESSAGE say "hi there"\r\n',
      errors: [{ line: 2, column: 13 }],
      output: null,
    },
  ],
});
