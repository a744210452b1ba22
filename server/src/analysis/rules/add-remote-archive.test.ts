import { testRule } from '../testing/rule-tester';
import rule from './add-remote-archive';

const SUM = 'sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d';
const MESSAGE =
  'ADD does not extract a remote archive: the archive stays in this layer; download and extract it in one RUN (`curl -fsSL <url> | tar -xz -C <dir>`)';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nADD rootfs.tar.gz /\n',
    'FROM debian:12-slim\nADD https://example.com/tool /usr/local/bin/tool\n',
    'FROM debian:12-slim\nADD https://github.com/moby/buildkit.git#v0.14.1 /src\n',
    `FROM debian:12-slim\nADD --unpack=true --checksum=${SUM} https://example.com/tool.tar.gz /opt/\n`,
    { name: 'ONBUILD', code: 'FROM debian:12-slim\nONBUILD ADD https://example.com/tool.tgz /opt/\n' },
    {
      name: 'a builder stage may keep the archive',
      code: 'FROM debian:12 AS fetch\nADD https://example.com/tool.tgz /tmp/\nRUN tar -xzf /tmp/tool.tgz -C /opt\nFROM debian:12-slim\nCOPY --from=fetch /opt /opt\n',
    },
  ],
  invalid: [
    {
      name: 'remote tar.gz with a checksum',
      code: `FROM debian:12-slim\nADD --checksum=${SUM} https://example.com/tool.tar.gz /opt/\n`,
      errors: [{ message: MESSAGE, line: 2, column: 88, endColumn: 119 }],
    },
    {
      name: 'zip with a query string, in JSON form',
      code: 'FROM debian:12-slim\nADD ["https://example.com/app.zip?download=1", "/srv/"]\n',
      errors: [{ line: 2, column: 6 }],
    },
    {
      name: '--unpack=false keeps the archive',
      code: 'FROM debian:12-slim\nADD --unpack=false https://example.com/x.tgz /opt/\n',
      errors: [{ line: 2 }],
    },
    {
      name: 'escape=` and CRLF, multi-stage: the stage the shipped one is built on',
      code: '# escape=`\r\nFROM debian:12-slim AS base\r\nADD https://example.com/x.tar.xz /opt/\r\nFROM base\r\nCMD ["/opt/x/run"]\r\n',
      errors: [{ line: 3, column: 5 }],
    },
  ],
});
