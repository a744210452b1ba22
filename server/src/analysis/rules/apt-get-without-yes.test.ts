import { testRule } from '../testing/rule-tester';
import rule from './apt-get-without-yes';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN apt-get install -y curl\n',
    { name: 'hadolint: the accepted spellings', code: 'FROM debian:12-slim\nRUN apt-get install --yes curl && apt-get install --assume-yes git && apt-get -qq install make && apt-get -yq install gcc\n' },
    { name: 'subcommands that never prompt', code: 'FROM debian:12-slim\nRUN apt-get update && apt-get clean && apt-get source hello\n' },
    { name: 'yes | answers the prompt', code: 'FROM debian:12-slim\nRUN yes | apt-get install curl\n' },
    { name: 'Assume-Yes configured in the Dockerfile', code: 'FROM debian:12-slim\nRUN echo \'APT::Get::Assume-Yes "true";\' > /etc/apt/apt.conf.d/90yes\nRUN apt-get install curl\n' },
    { name: 'an -o option sets it', code: 'FROM debian:12-slim\nRUN apt-get -o APT::Get::Assume-Yes=true install curl\n' },
    { name: 'exec form is left alone', code: 'FROM debian:12-slim\nRUN ["apt-get", "install", "-y", "curl"]\n' },
  ],
  invalid: [
    {
      name: 'hadolint example',
      code: 'FROM debian:12-slim\nRUN apt-get install python=2.7\n',
      errors: [{ message: '`apt-get install` will wait for a confirmation no one can give in a build: use `apt-get install -y`', line: 2, column: 5, endColumn: 20 }],
      output: 'FROM debian:12-slim\nRUN apt-get install -y python=2.7\n',
    },
    {
      name: 'a single -q does not answer; DEBIAN_FRONTEND does not either',
      code: 'FROM debian:12-slim\nRUN DEBIAN_FRONTEND=noninteractive apt-get -q install curl\n',
      errors: [{ line: 2, column: 36 }],
      output: 'FROM debian:12-slim\nRUN DEBIAN_FRONTEND=noninteractive apt-get -q install -y curl\n',
    },
    {
      name: 'apt and other prompting subcommands; sudo; continuation lines',
      code: 'FROM debian:12-slim\nRUN sudo apt install curl \\\n    && apt-get purge git\n',
      errors: [{ line: 2, column: 10 }, { line: 3, column: 8 }],
      output: 'FROM debian:12-slim\nRUN sudo apt install -y curl \\\n    && apt-get purge -y git\n',
    },
    {
      name: 'heredoc, ONBUILD and CRLF',
      code: 'FROM debian:12-slim\r\nRUN <<EOF\r\napt-get install curl\r\nEOF\r\nONBUILD RUN apt-get upgrade\r\n',
      errors: [{ line: 3 }, { line: 5 }],
      output: 'FROM debian:12-slim\r\nRUN <<EOF\r\napt-get install -y curl\r\nEOF\r\nONBUILD RUN apt-get upgrade -y\r\n',
    },
  ],
});
