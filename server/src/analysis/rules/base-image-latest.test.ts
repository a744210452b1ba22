import { testRule } from '../testing/rule-tester';
import rule from './base-image-latest';

testRule(rule, {
  valid: [
    'FROM python:3.12-slim\n',
    { name: 'a digest freezes latest', code: 'FROM python:latest@sha256:4f8e1a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7\n' },
    { name: 'no tag is the other rule’s', code: 'FROM python\n' },
    { name: 'an earlier stage named latest', code: 'FROM alpine:3.20 AS latest\nFROM latest\n' },
  ],
  invalid: [
    {
      code: 'FROM python:latest\nCMD ["python"]\n',
      errors: [{ message: '`python:latest` follows whatever `latest` points to at build time: pin a version tag (or a digest)', line: 1, column: 13, endColumn: 19 }],
    },
    {
      name: 'build stages are judged too',
      code: 'FROM node:latest AS build\nRUN npm ci\nFROM gcr.io/distroless/nodejs22-debian12:latest\n',
      errors: [{ line: 1, column: 11 }, { line: 3, column: 42 }],
    },
    {
      name: 'latest through an ARG default: the whole image is the range',
      code: 'ARG TAG=latest\nFROM alpine:${TAG}\n',
      errors: [{ message: /^`alpine:latest` follows/, line: 2, column: 6, endColumn: 19 }],
    },
    {
      name: 'CRLF',
      code: 'FROM alpine:latest\r\nRUN echo hi\r\n',
      errors: [{ line: 1, column: 13 }],
    },
  ],
});
