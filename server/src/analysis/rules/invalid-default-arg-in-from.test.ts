import { testRule } from '../testing/rule-tester';
import rule from './invalid-default-arg-in-from';

testRule(rule, {
  valid: [
    { name: 'BuildKit: a default', code: 'ARG TAG=latest\nFROM busybox:${TAG}\n' },
    { name: 'BuildKit: may be empty', code: 'ARG VARIANT\nFROM busybox:stable${VARIANT}\n' },
    { name: 'BuildKit: a default in place', code: 'ARG TAG\nFROM alpine:${TAG:-3.14}\n' },
    { name: 'an undeclared ARG is undefined-arg-in-from\'s', code: 'FROM busybox:${TAG}\n' },
    { name: 'platform ARGs count as set', code: 'FROM alpine:3.20 AS build_amd64\nFROM build_${TARGETARCH}\n' },
    { name: 'a default built from another ARG', code: 'ARG MAJOR=3\nARG TAG=${MAJOR}.20\nFROM alpine:${TAG}\n' },
  ],
  invalid: [
    {
      name: 'BuildKit: no default',
      code: 'ARG TAG\nFROM busybox:${TAG}\n',
      errors: [{ message: "Without --build-arg this FROM reads 'busybox:', not a valid image reference: give ARG TAG a default, or use ${TAG:-<default>}.", line: 2, column: 6, endColumn: 20 }],
    },
    {
      name: 'an empty image name, CRLF',
      code: 'ARG BASE_IMAGE\r\nFROM ${BASE_IMAGE} AS base\r\n',
      errors: [{ message: /reads an empty image name: give ARG BASE_IMAGE a default/ }],
    },
    {
      name: 'a default that is not a valid reference',
      code: 'ARG IMAGE=My/Image:1\nFROM ${IMAGE}\n',
      errors: [{ message: /'My\/Image:1', not a valid image reference: correct the ARG defaults/ }],
    },
  ],
});
