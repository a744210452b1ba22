import { testRule } from '../testing/rule-tester';
import rule from './apt-package-unpinned';

const CURL = 'Pin `curl` to a version (`curl=<version>`): unpinned, each build installs whatever the mirror has that day';

testRule(rule, {
  valid: [
    // What hadolint accepts for DL3008.
    'FROM debian:12\nRUN apt-get install -y curl=7.88.1-10+deb12u8 git=1:2.39.5-0+deb12u1\n',
    { name: 'a release pin', code: 'FROM debian:12\nRUN apt-get install -y golang/bookworm-backports\n' },
    { name: 'local .deb files', code: 'FROM debian:12\nRUN apt-get install -y ./pkg_1.0_amd64.deb /tmp/other.deb\n' },
    { name: 'the -t value is not a package', code: 'FROM debian:12\nRUN apt-get install -y -t bookworm-backports golang=2:1.21~2~bpo12+1\n' },
    { name: '--target-release value', code: 'FROM debian:12\nRUN apt-get install --target-release bookworm-backports -y golang=2:1.21~2~bpo12+1\n' },
    // The false positives hadolint users hit.
    { name: 'version in a variable', code: 'FROM debian:12\nARG CURL_VERSION\nRUN apt-get install -y curl=${CURL_VERSION}\n' },
    { name: 'package from a variable', code: 'FROM debian:12\nARG PKG=curl\nRUN apt-get install -y "$PKG" $EXTRA $(cat /tmp/packages.txt)\n' },
    { name: '-o value', code: 'FROM debian:12\nRUN apt-get -o Dpkg::Options::=--force-confnew install -y curl=7.88.1-10\n' },
    { name: 'bundled -yt value', code: 'FROM debian:12\nRUN apt-get install -yt bookworm-backports golang=2:1.21~2~bpo12+1\n' },
    { name: 'a removal and a pattern are not installs to pin', code: "FROM debian:12\nRUN apt-get install -y curl=7.88.1-10 nano- 'libssl*'\n" },
    { name: 'a prefix pin', code: 'FROM debian:12\nRUN apt-get install -y "curl=7.88.*"\n' },
    { name: 'no install', code: 'FROM debian:12\nRUN apt-get update && apt-get upgrade -y && apt-get remove -y curl\n' },
    { name: 'apt-cache is not apt-get', code: 'FROM debian:12\nRUN apt-cache show curl\n' },
    { name: 'bundled -yqq', code: 'FROM debian:12\nRUN apt-get install --no-install-recommends -yqq wget=1.21.3-1+b2\n' },
    { name: 'a package list in a shell variable', code: 'FROM debian:12\nRUN buildDeps="python3=3.11.2-1+b1" && apt-get install -y $buildDeps\n' },
    { name: 'quoted pins and prefix pins', code: 'FROM debian:12\nRUN apt-get install -y fonts-dejavu="2.37-2build1" git=1:2.39.*\n' },
  ],
  invalid: [
    {
      name: 'a name ending in ++ keeps it in the message; a single + (install marker) is dropped',
      code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends g++ curl+\n',
      errors: [
        { message: /^Pin `g\+\+` to a version \(`g\+\+=<version>`\)/, line: 2, column: 48, endColumn: 51 },
        { message: CURL, line: 2, column: 52, endColumn: 57 },
      ],
      output: null,
    },
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
      errors: [{ message: CURL, line: 2, column: 66, endColumn: 70 }],
      output: null,
    },
    {
      name: 'one finding per unpinned package, on the package word',
      code: 'FROM ubuntu:24.04\nRUN apt-get install -y \\\n    ca-certificates=20240203 \\\n    curl \\\n    git\n',
      errors: [
        { message: CURL, line: 4, column: 5, endColumn: 9 },
        { message: /^Pin `git` to a version \(`git=<version>`\)/, line: 5, column: 5, endColumn: 8 },
      ],
      output: null,
    },
    {
      name: 'apt, aptitude, sudo and options before the subcommand',
      code: 'FROM debian:12\nRUN sudo apt -t bookworm-backports install -y golang && aptitude install -y jq\n',
      errors: [{ message: /`golang=<version>`/, column: 47 }, { message: /`jq=<version>`/, column: 77 }],
      output: null,
    },
    {
      name: 'an arch-qualified package',
      code: 'FROM debian:12\nRUN apt-get install -y libc6:i386\n',
      errors: [{ message: /`libc6:i386=<version>`/ }],
      output: null,
    },
    {
      name: 'build stages count: reproducibility is about every stage',
      code: 'FROM debian:12 AS build\nRUN apt-get install -y gcc\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /etc/hostname /x\n',
      errors: [{ message: /`gcc`/, line: 2 }],
      output: null,
    },
    {
      name: 'heredoc',
      code: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n',
      errors: [{ message: CURL, line: 4, column: 20 }],
      output: null,
    },
    {
      name: 'exec form',
      code: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n',
      errors: [{ message: CURL, line: 2, column: 34, endColumn: 40 }],
      output: null,
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM debian:12\nONBUILD RUN apt-get install -y curl\n',
      errors: [{ message: CURL, line: 2, column: 32 }],
      output: null,
    },
    {
      name: 'escape=` and CRLF',
      code: '# escape=`\r\nFROM debian:12\r\nRUN apt-get install -y `\r\n    curl\r\n',
      errors: [{ message: CURL, line: 4, column: 5, endColumn: 9 }],
      output: null,
    },
  ],
});
