import { testRule } from '../testing/rule-tester';
import rule from './duplicate-stage-name';

testRule(rule, {
  valid: [
    { name: 'BuildKit: unique names', code: 'FROM debian:latest AS deb-builder\nRUN apt-get update; apt-get install -y curl\n\nFROM golang:latest AS go-builder\n' },
    { name: 'unnamed stages', code: 'FROM alpine:3.20\nFROM alpine:3.20\n' },
  ],
  invalid: [
    {
      name: 'BuildKit: builder twice',
      code: 'FROM debian:latest AS builder\nRUN apt-get update; apt-get install -y curl\n\nFROM golang:latest AS builder\n',
      errors: [{ message: "Stage name 'builder' is already used by the stage on line 1: give each stage a unique name.", line: 4, column: 23, endColumn: 30 }],
    },
    {
      name: 'names differing only in case collide (CRLF, three stages)',
      code: 'FROM alpine:3.20 AS base\r\nFROM alpine:3.20 AS Base\r\nFROM alpine:3.20 AS BASE\r\n',
      errors: [{ message: /'Base' is already used by the stage on line 1/, line: 2 }, { message: /'BASE' .* line 1/, line: 3 }],
    },
  ],
});
