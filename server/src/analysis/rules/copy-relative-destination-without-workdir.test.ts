import { testRule } from '../testing/rule-tester';
import rule from './copy-relative-destination-without-workdir';

testRule(rule, {
  valid: [
    'FROM node:20-slim\nWORKDIR /app\nCOPY . .\n',
    { name: 'hadolint: absolute, Windows and variable destinations', code: 'FROM node:20-slim\nCOPY package.json /app/\nCOPY a "/srv"\nCOPY b C:\\app\nCOPY c $DEST\n' },
    { name: 'hadolint: a WORKDIR in the stage it is built on', code: 'FROM node:20-slim AS base\nWORKDIR /app\nFROM base\nCOPY . .\n' },
    { name: 'a relative WORKDIR also sets the directory', code: 'FROM node:20-slim\nWORKDIR app\nCOPY . .\n' },
    { name: 'ONBUILD triggers run in another build', code: 'FROM node:20-slim\nONBUILD COPY . .\n' },
    {
      name: 'heredoc sources to an absolute destination (the body is not the destination)',
      code: 'FROM ubuntu:24.04\nCOPY <<EOF /etc/worker/config.toml\n[worker]\nqueue = "default"\nEOF\nCOPY --chmod=755 <<-"SCRIPT" /usr/local/bin/start\n\t#!/bin/sh\n\texec worker\n\tSCRIPT\nCOPY <<A <<B /etc/\na\nA\nb\nB\n',
    },
  ],
  invalid: [
    {
      name: 'hadolint example',
      code: 'FROM node:20-slim\nCOPY package.json ./\n',
      errors: [{ message: 'COPY to the relative path ./ with no WORKDIR set: add WORKDIR (e.g. /app) before it or use an absolute destination', line: 2, column: 19, endColumn: 21 }],
    },
    {
      name: 'a WORKDIR after the COPY does not count; ADD and JSON form',
      code: 'FROM node:20-slim\nADD ["app.tgz", "app"]\nWORKDIR /app\n',
      errors: [{ line: 2, message: /^ADD to the relative path app /  }],
    },
    {
      name: 'a heredoc source to a relative destination',
      code: 'FROM ubuntu:24.04\nCOPY <<EOF config.toml\n[worker]\nEOF\n',
      errors: [{ line: 2, message: /^COPY to the relative path config\.toml /, column: 12, endColumn: 23 }],
    },
    {
      name: 'a WORKDIR in an unrelated stage does not count; CRLF',
      code: 'FROM node:20-slim AS build\r\nWORKDIR /app\r\nFROM node:20-slim\r\nCOPY --from=build /app/dist dist\r\n',
      errors: [{ line: 4 }],
    },
  ],
});
