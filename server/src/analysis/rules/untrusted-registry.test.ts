import { testRule } from '../testing/rule-tester';
import rule from './untrusted-registry';

const only = (...trustedRegistries: string[]) => ({ ruleOptions: { trustedRegistries } });

testRule(rule, {
  valid: [
    { name: 'hadolint: off without an allow-list', code: 'FROM random.com/debian\n' },
    { name: 'an empty list is "not configured"', code: 'FROM random.com/debian\n', options: only() },
    { name: 'hadolint: allowed registries', code: 'FROM random.com/debian\n', options: only('x.com', 'random.com') },
    { name: 'hadolint: scratch', code: 'FROM scratch\n', options: only('x.com') },
    {
      name: 'hadolint: every spelling of docker.io',
      code: 'FROM ubuntu:18.04 AS builder1\nFROM zemanlx/ubuntu:18.04 AS builder2\nFROM docker.io/zemanlx/ubuntu:18.04 AS builder3\nFROM index.docker.io/library/debian:12\n',
      options: only('docker.io'),
    },
    { name: 'hadolint: earlier stages', code: 'FROM random.com/foo AS builder1\nFROM builder1 AS builder2\n', options: only('random.com') },
    { name: 'hadolint: wildcards', code: 'FROM eu.gcr.io/p/x:1\nFROM localhost:5000/y:1\n', options: only('*.gcr.io', 'localhost*') },
    { name: 'a path prefix', code: 'FROM ghcr.io/my-org/base:1\nFROM node:20\n', options: only('ghcr.io/my-org', 'docker.io/library') },
    { name: 'COPY --from a stage or an index; variables', code: 'ARG BASE\nFROM $BASE AS build\nFROM alpine:3.20\nCOPY --from=build /a /a\nCOPY --from=0 /b /b\n', options: only('docker.io') },
  ],
  invalid: [
    {
      name: 'hadolint: a registry not in the list',
      code: 'FROM random.com/debian\n',
      options: only('docker.io'),
      errors: [{ message: 'random.com/debian comes from random.com, which is not in trustedRegistries (docker.io): pull it from a trusted registry or mirror', line: 1, column: 6, endColumn: 23 }],
      output: null,
    },
    {
      name: 'Docker Hub when only a private registry is trusted; build stages; ARG defaults',
      code: 'ARG GO=golang:1.22\nFROM ${GO} AS build\nFROM registry.example.com/runtime:1\n',
      options: only('registry.example.com'),
      errors: [{ message: /^golang:1.22 comes from docker.io/, line: 2 }],
      output: null,
    },
    {
      name: 'a path prefix does not allow other organisations',
      code: 'FROM ghcr.io/other-org/base:1\n',
      options: only('ghcr.io/my-org'),
      errors: [{ message: /^ghcr.io\/other-org\/base:1 comes from ghcr.io/ }],
      output: null,
    },
    {
      name: 'COPY --from and RUN --mount=from images; CRLF',
      code: 'FROM alpine:3.20\r\nCOPY --from=quay.io/x/tool:1 /tool /tool\r\nRUN --mount=type=bind,from=ghcr.io/y/z:2,target=/z ls /z\r\n',
      options: only('docker.io'),
      errors: [{ line: 2, column: 13 }, { line: 3, column: 28, endColumn: 41 }],
      output: null,
    },
  ],
});
