import { testRule } from '../testing/rule-tester';
import rule from './curl-pipe-to-shell';

testRule(rule, {
  valid: [
    { name: 'an archive piped into tar', code: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/x.tgz | tar -xz\n' },
    { name: 'downloaded to a file, checked, then run', code: 'FROM debian:12-slim\nRUN curl -fsSLo i.sh https://example.com/i.sh && sha256sum -c i.sum && sh i.sh\n' },
    { name: 'wget writes a file, not stdout', code: 'FROM debian:12-slim\nRUN wget https://example.com/i.sh | sh\n' },
    { name: 'a shell given a command, not stdin', code: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/x | sh -c "cat > /x"\n' },
    { name: 'a shell running a file', code: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/x | bash ./local.sh\n' },
    { name: 'substitution into a command that does not run it', code: 'FROM debian:12-slim\nRUN echo "$(curl -fsSL https://example.com/version)" > /version\n' },
    { name: 'a pipeline that ends before the shell', code: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/x > /x && cat /x | sh\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/install.sh | sh\n',
      errors: [{ message: 'sh runs a script straight from curl: download it to a file, check its sha256, then run it', line: 2, column: 49, endColumn: 51 }],
      output: null,
    },
    {
      name: 'wget -qO-, sudo, bash -s with arguments, through another filter',
      code: 'FROM debian:12-slim\nRUN wget -qO- https://example.com/i.sh | sed s/x/y/ | sudo bash -s -- --yes\n',
      errors: [{ message: /^bash runs a script straight from wget/, column: 60, endColumn: 64 }],
      output: null,
    },
    {
      name: 'sh -c "$(curl …)", bash <(curl …), eval',
      code: 'FROM debian:12-slim\nRUN sh -c "$(curl -fsSL https://x.sh)" && bash <(curl -s https://y.sh) && eval "$(wget -O - https://z.sh)"\n',
      errors: [{ message: /^sh runs a script straight from curl/ }, { message: /^bash runs/ }, { message: /^eval runs a script straight from wget/ }],
      output: null,
    },
    {
      name: 'build stages; heredoc; ONBUILD',
      code: 'FROM rust:1 AS build\nRUN <<EOF\ncurl https://sh.rustup.rs -sSf | sh -s -- -y\nEOF\nFROM debian:12-slim\nONBUILD RUN curl -sL https://deb.nodesource.com/setup_20.x | bash -\n',
      errors: [{ line: 3 }, { line: 6 }],
      output: null,
    },
    {
      name: 'continuation lines; CRLF',
      code: 'FROM debian:12-slim\r\nRUN curl -fsSL https://get.docker.com \\\r\n    | sh\r\n',
      errors: [{ line: 3, column: 7 }],
      output: null,
    },
  ],
});
