import { testRule } from '../testing/rule-tester';
import rule from './base-image-untagged';

testRule(rule, {
  valid: [
    'FROM python:3.12-slim\n',
    { name: 'a digest pins the image', code: 'FROM python@sha256:4f8e1a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7\n' },
    { name: 'scratch', code: 'FROM scratch\nCOPY app /app\n' },
    { name: 'an earlier stage', code: 'FROM golang:1.25 AS build\nFROM build\n' },
    { name: 'an unresolved variable', code: 'ARG BASE\nFROM $BASE\n' },
    { name: 'a tag from an ARG default', code: 'ARG VERSION=3.12\nFROM python:${VERSION}-slim\n' },
    { name: 'latest is the other rule’s', code: 'FROM python:latest\n' },
  ],
  invalid: [
    {
      code: 'FROM python\nCMD ["python"]\n',
      errors: [{ message: '`python` has no tag, so every build may get a different image: pin a version tag (or a digest)', line: 1, column: 6, endColumn: 12 }],
    },
    {
      name: 'every stage is judged, registries and ports included',
      code: 'FROM registry.example.com:5000/team/builder AS build\nRUN make\nFROM --platform=linux/amd64 alpine\n',
      errors: [{ line: 1, column: 6, endColumn: 44 }, { line: 3, column: 29 }],
    },
    {
      name: 'an ARG default without a tag',
      code: 'ARG BASE=node\nFROM ${BASE}\n',
      errors: [{ message: /^`node` has no tag/, line: 2 }],
    },
    {
      name: 'CRLF and escape=`',
      code: '# escape=`\r\nFROM mcr.microsoft.com/windows/servercore\r\n',
      errors: [{ line: 2 }],
    },
  ],
});
