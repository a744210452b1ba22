import { testRule } from '../testing/rule-tester';
import rule from './downloaded-archive-not-removed';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN curl -fsSL https://example.com/tool.tgz | tar -xz -C /usr/local/bin\n',
    'FROM debian:12-slim\nRUN wget -qO- https://example.com/tool.tgz | tar -xz -C /opt\n',
    'FROM debian:12-slim\nRUN curl -fsSLo /tmp/tool.tgz https://example.com/tool.tgz && tar -xzf /tmp/tool.tgz -C /opt && rm /tmp/tool.tgz\n',
    {
      name: 'the official node image pattern: curl -O, verify, extract, remove',
      code: 'FROM debian:12-slim\nENV NODE_VERSION=20.14.0\nRUN curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-x64.tar.xz" \\\n    && tar -xJf "node-v$NODE_VERSION-linux-x64.tar.xz" -C /usr/local --strip-components=1 --no-same-owner \\\n    && rm "node-v$NODE_VERSION-linux-x64.tar.xz"\n',
    },
    { name: 'the directory is removed', code: 'FROM debian:12-slim\nRUN mkdir /tmp/build && curl -o /tmp/build/src.tgz https://example.com/src.tgz && tar xzf /tmp/build/src.tgz -C /tmp/build && make -C /tmp/build install && rm -rf /tmp/build\n' },
    { name: 'a glob removes it', code: 'FROM debian:12-slim\nRUN wget https://example.com/a.zip && unzip a.zip -d /opt && rm -f *.zip\n' },
    { name: 'a variable the rule cannot follow is taken as removing it', code: 'FROM debian:12-slim\nRUN tmp="$(mktemp -d)" && curl -o /tmp/a.tgz https://example.com/a.tgz && tar -xzf /tmp/a.tgz && rm -rf "$tmp"\n' },
    { name: 'downloaded but not extracted: the file may be what the image needs', code: 'FROM eclipse-temurin:21-jre\nRUN curl -fsSL -o /app/app.jar https://example.com/app.jar\n' },
    { name: 'moved elsewhere: wanted', code: 'FROM debian:12-slim\nRUN curl -o /tmp/a.tgz https://example.com/a.tgz && tar -tzf /tmp/a.tgz && mv /tmp/a.tgz /srv/\n' },
    { name: 'downloaded into a tmpfs mount', code: 'FROM debian:12-slim\nRUN --mount=type=tmpfs,target=/tmp curl -o /tmp/a.tgz https://example.com/a.tgz && tar -xzf /tmp/a.tgz -C /opt\n' },
    { name: 'ONBUILD', code: 'FROM debian:12-slim\nONBUILD RUN curl -o /tmp/a.tgz https://example.com/a.tgz && tar -xzf /tmp/a.tgz -C /opt\n' },
    {
      name: 'a builder stage may keep its archive',
      code: 'FROM debian:12 AS build\nRUN curl -o /tmp/a.tgz https://example.com/a.tgz && tar -xzf /tmp/a.tgz -C /opt\nFROM debian:12-slim\nCOPY --from=build /opt /opt\n',
    },
  ],
  invalid: [
    {
      name: 'curl -o and tar: the rm is appended',
      code: 'FROM debian:12-slim\nRUN curl -fsSL -o /tmp/tool.tgz https://example.com/tool.tgz \\\n    && tar -xzf /tmp/tool.tgz -C /usr/local/bin\n',
      errors: [{ message: 'the archive `/tmp/tool.tgz` is extracted but not removed: it stays in this layer next to what it unpacked; add `rm -f /tmp/tool.tgz` to this RUN', line: 2, column: 19, endColumn: 32 }],
      output: 'FROM debian:12-slim\nRUN curl -fsSL -o /tmp/tool.tgz https://example.com/tool.tgz \\\n    && tar -xzf /tmp/tool.tgz -C /usr/local/bin \\\n    && rm -f /tmp/tool.tgz\n',
    },
    {
      name: 'curl -O with variables: the name is quoted',
      code: 'FROM debian:12-slim\nARG V=1.2.3\nRUN curl -fsSLO "https://example.com/tool-$V.tar.gz" && tar xzf "tool-$V.tar.gz" -C /opt\n',
      errors: [{ message: /`"tool-\$V.tar.gz"`/, column: 17 }],
      output: 'FROM debian:12-slim\nARG V=1.2.3\nRUN curl -fsSLO "https://example.com/tool-$V.tar.gz" && tar xzf "tool-$V.tar.gz" -C /opt \\\n    && rm -f "tool-$V.tar.gz"\n',
    },
    {
      name: 'wget without -O saves under the URL’s name; unzip',
      code: 'FROM debian:12-slim\nRUN wget -q https://example.com/dist/app.zip?raw=1 && unzip -q app.zip -d /opt\n',
      errors: [{ message: /`app.zip`/ }],
      output: 'FROM debian:12-slim\nRUN wget -q https://example.com/dist/app.zip?raw=1 && unzip -q app.zip -d /opt \\\n    && rm -f app.zip\n',
    },
    {
      name: 'wget -O and tar --file',
      code: 'FROM debian:12-slim\nRUN wget -O /opt/x.tar.xz https://example.com/x.tar.xz && tar --extract --file=/opt/x.tar.xz -C /opt\n',
      errors: [{ column: 13 }],
      output: 'FROM debian:12-slim\nRUN wget -O /opt/x.tar.xz https://example.com/x.tar.xz && tar --extract --file=/opt/x.tar.xz -C /opt \\\n    && rm -f /opt/x.tar.xz\n',
    },
    {
      name: 'a removal before the extraction does not count',
      code: 'FROM debian:12-slim\nRUN rm -f /tmp/a.tgz; curl -o /tmp/a.tgz https://example.com/a.tgz && tar -xzf /tmp/a.tgz\n',
      errors: [{ line: 2 }],
      output: 'FROM debian:12-slim\nRUN rm -f /tmp/a.tgz; curl -o /tmp/a.tgz https://example.com/a.tgz && tar -xzf /tmp/a.tgz \\\n    && rm -f /tmp/a.tgz\n',
    },
    {
      name: 'a later RUN names the file: no fix',
      code: 'FROM debian:12-slim\nRUN curl -o /tmp/a.tgz https://example.com/a.tgz && tar -xzf /tmp/a.tgz -C /opt\nRUN sha256sum /tmp/a.tgz > /checksums\n',
      errors: [{ line: 2 }],
      output: null,
    },
    {
      name: 'no fix when the longer RUN would cut a row of short RUNs in two (LW104 would report twice)',
      code: 'FROM debian:12-slim\nRUN mkdir /a\nRUN mkdir /b\nRUN curl -o /tmp/a.tgz https://example.com/a.tgz && tar -xzf /tmp/a.tgz -C /a\nRUN mkdir /c\nRUN mkdir /d\n',
      errors: [{ line: 4 }],
      output: null,
    },
    {
      name: 'escape=` and CRLF',
      code: '# escape=`\r\nFROM debian:12-slim\r\nRUN curl -o /tmp/a.tgz https://example.com/a.tgz `\r\n    && tar -xzf /tmp/a.tgz -C /opt\r\n',
      errors: [{ line: 3 }],
      output: '# escape=`\r\nFROM debian:12-slim\r\nRUN curl -o /tmp/a.tgz https://example.com/a.tgz `\r\n    && tar -xzf /tmp/a.tgz -C /opt `\r\n    && rm -f /tmp/a.tgz\r\n',
    },
    {
      name: 'heredoc: reported, not rewritten',
      code: 'FROM debian:12-slim\nRUN <<EOF\ncurl -o /tmp/a.tgz https://example.com/a.tgz\ntar -xzf /tmp/a.tgz -C /opt\nEOF\n',
      errors: [{ line: 3, column: 9 }],
      output: null,
    },
  ],
});
