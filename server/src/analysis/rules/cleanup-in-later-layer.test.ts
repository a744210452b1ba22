import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingsOf, testRule } from '../testing/rule-tester';
import { applyTextEdits } from '../text-edits';
import rule from './cleanup-in-later-layer';

const SAVES_NOTHING = /^this deletion adds a layer and saves nothing: fold it into the RUN that created the files \(line \d+\)$/;

testRule(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    { name: 'nothing earlier created the files', code: 'FROM debian:12\nRUN rm -rf /var/lib/apt/lists/*\n' },
    { name: 'a functional deletion of a file the base image ships', code: 'FROM nginx:1.27\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN rm /etc/nginx/conf.d/default.conf\n' },
    { name: 'a RUN that does more than delete', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/* && curl --version\n' },
    {
      name: 'build stages are not judged',
      code: 'FROM debian:12 AS build\nRUN curl -o /tmp/src.tgz https://example.com/src.tgz\nRUN rm /tmp/src.tgz\nFROM scratch\nCOPY --from=build /etc/passwd /etc/passwd\n',
    },
    { name: 'apk add --no-cache wrote no cache', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN rm -rf /var/cache/apk/*\n' },
  ],
  invalid: [
    {
      name: 'apt lists removed one layer too late',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n',
      errors: [{ message: SAVES_NOTHING, line: 3, column: 1, endColumn: 4 }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'a downloaded archive, with instructions in between',
      code: 'FROM alpine:3.20\nRUN wget -O /tmp/tool.tgz https://example.com/tool.tgz \\\n    && tar -xzf /tmp/tool.tgz -C /opt\nENV PATH=/opt/tool/bin:$PATH\nRUN rm -f /tmp/tool.tgz\n',
      errors: [{ message: /\(line 2\)$/, line: 5 }],
      output: 'FROM alpine:3.20\nRUN wget -O /tmp/tool.tgz https://example.com/tool.tgz \\\n    && tar -xzf /tmp/tool.tgz -C /opt \\\n    && rm -f /tmp/tool.tgz\nENV PATH=/opt/tool/bin:$PATH\n',
    },
    {
      name: 'the last RUN that used the files gets the cleanup',
      code: 'FROM alpine:3.20\nRUN wget -O /tmp/tool.tgz https://example.com/tool.tgz\nRUN tar -xzf /tmp/tool.tgz -C /opt && ls /opt\nRUN rm /tmp/tool.tgz\n',
      errors: [{ message: /\(line 3\)$/, line: 4 }],
      output: 'FROM alpine:3.20\nRUN wget -O /tmp/tool.tgz https://example.com/tool.tgz\nRUN tar -xzf /tmp/tool.tgz -C /opt && ls /opt \\\n    && rm /tmp/tool.tgz\n',
    },
    {
      name: 'several cleanups and clean commands',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y python3-pip && pip install flask\nRUN apt-get clean && rm -rf /var/lib/apt/lists/* /root/.cache/pip\n',
      errors: [{ line: 3 }],
      output:
        'FROM debian:12\nRUN apt-get update && apt-get install -y python3-pip && pip install flask \\\n    && apt-get clean \\\n    && rm -rf /var/lib/apt/lists/* /root/.cache/pip\n',
    },
    {
      name: 'the creating RUN is a heredoc: reported, not rewritten',
      code: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\nRUN rm -rf /var/lib/apt/lists/*\n',
      errors: [{ message: /\(line 2\)$/, line: 6 }],
      output: null,
    },
    {
      name: 'a COPY into the same place in between blocks the fix',
      code: 'FROM alpine:3.20\nRUN wget -O /tmp/a.tgz https://example.com/a.tgz\nCOPY b.tgz /tmp/\nRUN rm -rf /tmp/*\n',
      errors: [{ line: 4 }],
      output: null,
    },
    {
      name: 'created in the stage this one is built on: reported, not rewritten',
      code: 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base\nRUN rm -rf /var/lib/apt/lists/*\n',
      errors: [{ line: 4 }],
      output: null,
    },
    {
      // Folded one by one, the second fold would delete the line next to the first one's deletion; and the
      // cleanup on line 4 could not go alone (RUNs 3 and 5 would meet), only together with line 5.
      name: 'two later cleanups of a stage share one fix that folds both',
      code: 'FROM debian:12\nRUN apk add curl\nRUN apt-get update\nRUN rm -rf /var/lib/apt/lists/*\nRUN rm -rf /var/cache/apk/*\nENTRYPOINT ["curl"]\n',
      errors: [
        { message: /\(line 3\)$/, line: 4 },
        { message: /\(line 2\)$/, line: 5 },
      ],
      output:
        'FROM debian:12\nRUN apk add curl \\\n    && rm -rf /var/cache/apk/*\nRUN apt-get update \\\n    && rm -rf /var/lib/apt/lists/*\nENTRYPOINT ["curl"]\n',
    },
    {
      name: 'cleanups of different files with other RUNs in between',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\nRUN wget -O /tmp/a.tgz https://example.com/a.tgz && tar -xzf /tmp/a.tgz -C /opt\nRUN rm /tmp/a.tgz\nUSER nobody\n',
      errors: [{ line: 3 }, { line: 5 }],
      output:
        'FROM debian:12\nRUN apt-get update && apt-get install -y curl \\\n    && rm -rf /var/lib/apt/lists/*\nRUN wget -O /tmp/a.tgz https://example.com/a.tgz && tar -xzf /tmp/a.tgz -C /opt \\\n    && rm /tmp/a.tgz\nUSER nobody\n',
    },
    {
      name: 'escape=` and CRLF',
      code: '# escape=`\r\nFROM debian:12\r\nRUN apt-get update `\r\n    && apt-get install -y curl\r\nRUN rm -rf /var/lib/apt/lists/*\r\n',
      errors: [{ line: 5 }],
      output: '# escape=`\r\nFROM debian:12\r\nRUN apt-get update `\r\n    && apt-get install -y curl `\r\n    && rm -rf /var/lib/apt/lists/*\r\n',
    },
  ],
});

describe('LW103 shared fold', () => {
  const code = 'FROM debian:12\nRUN apk add curl\nRUN apt-get update\nRUN rm -rf /var/lib/apt/lists/*\nRUN rm -rf /var/cache/apk/*\nENTRYPOINT ["curl"]\n';

  it('offers every finding the same fix, and leaves nothing to fold once applied', () => {
    const findings = findingsOf(rule, code);
    assert.equal(findings.length, 2);
    assert.deepEqual(findings[0].fixes, findings[1].fixes);
    assert.equal(findings[0].fixes[0].title, 'Fold the 2 later cleanups into the RUNs that created the files');
    const folded = applyTextEdits(code, findings[0].fixes[0].edits);
    assert.deepEqual(findingsOf(rule, folded), []);
  });
});
