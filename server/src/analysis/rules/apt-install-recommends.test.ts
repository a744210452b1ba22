import { testRule } from '../testing/rule-tester';
import rule from './apt-install-recommends';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN apt-get install --no-install-recommends python3\n',
    'FROM debian:12-slim\nRUN apt-get -o APT::Install-Recommends=false install python3\n',
    'FROM debian:12-slim\nRUN apt-get install --install-recommends=no python3\n',
    'FROM ubuntu:24.04\nRUN aptitude install -R python3\n',
    {
      name: 'an apt.conf written earlier turns recommends off',
      code: 'FROM debian:12-slim\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/99norecommends\nRUN apt-get install -y python3\n',
    },
    {
      name: 'an apt.conf in the stage it is built on',
      code: 'FROM debian:12-slim AS base\nRUN printf \'APT::Install-Recommends "0";\\n\' > /etc/apt/apt.conf.d/01norecommend\nFROM base\nRUN apt-get install -y python3\n',
    },
    { name: 'apt-get remove installs nothing', code: 'FROM debian:12-slim\nRUN apt-get remove -y python3\n' },
    { name: 'ONBUILD', code: 'FROM debian:12-slim\nONBUILD RUN apt-get install -y python3\n' },
    {
      name: 'a builder stage may install recommends',
      code: 'FROM debian:12 AS build\nRUN apt-get install -y build-essential\nFROM debian:12-slim\nCOPY --from=build /out /out\n',
    },
  ],
  invalid: [
    {
      name: 'apt-get install: the flag goes after install',
      code: 'FROM debian:12-slim\nRUN apt-get install python3\n',
      errors: [{ message: '`apt-get install` also installs recommended packages (often tens of MB): add `--no-install-recommends` and name the ones you need', column: 5, endColumn: 20 }],
      output: 'FROM debian:12-slim\nRUN apt-get install --no-install-recommends python3\n',
    },
    {
      name: 'options before install (hadolint)',
      code: 'FROM debian:12-slim\nRUN apt-get -y install python3\n',
      errors: [{ line: 2 }],
      output: 'FROM debian:12-slim\nRUN apt-get -y install --no-install-recommends python3\n',
    },
    {
      name: 'apt install and aptitude',
      code: 'FROM ubuntu:24.04\nRUN apt install -y curl && aptitude install -y git\n',
      errors: [{ message: /^`apt install`/ }, { message: /`--without-recommends`/ }],
      output: 'FROM ubuntu:24.04\nRUN apt install --no-install-recommends -y curl && aptitude install --without-recommends -y git\n',
    },
    {
      name: 'a config written after the install does not count',
      code: 'FROM debian:12-slim\nRUN apt-get install -y curl\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/99norecommends\n',
      errors: [{ line: 2 }],
      output: 'FROM debian:12-slim\nRUN apt-get install --no-install-recommends -y curl\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/99norecommends\n',
    },
    {
      name: 'heredoc',
      code: 'FROM debian:12-slim\nRUN <<EOF\napt-get install -y curl\nEOF\n',
      errors: [{ line: 3, column: 1 }],
      output: 'FROM debian:12-slim\nRUN <<EOF\napt-get install --no-install-recommends -y curl\nEOF\n',
    },
    {
      name: 'exec form',
      code: 'FROM debian:12-slim\nRUN ["apt-get", "install", "-y", "curl"]\n',
      errors: [{ line: 2 }],
      output: 'FROM debian:12-slim\nRUN ["apt-get", "install", "--no-install-recommends", "-y", "curl"]\n',
    },
    {
      name: 'escape=` and CRLF',
      code: '# escape=`\r\nFROM debian:12-slim\r\nRUN apt-get install -y `\r\n    curl\r\n',
      errors: [{ line: 3 }],
      output: '# escape=`\r\nFROM debian:12-slim\r\nRUN apt-get install --no-install-recommends -y `\r\n    curl\r\n',
    },
  ],
});
