import { testRule } from '../testing/rule-tester';
import rule from './pointless-command';

testRule(rule, {
  valid: [
    { name: 'installing vim is not running it', code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y vim && rm -rf /var/lib/apt/lists/*\n' },
    { name: 'ssh with the SSH agent mounted; ssh-keyscan', code: 'FROM alpine:3.20\nRUN ssh-keyscan github.com >> /etc/ssh/ssh_known_hosts\nRUN --mount=type=ssh ssh -T git@github.com || true\n' },
    { name: 'CMD is not judged', code: 'FROM debian:12-slim\nCMD service nginx start\n' },
  ],
  invalid: [
    {
      name: 'hadolint example',
      code: 'FROM debian:12-slim\nRUN top\n',
      errors: [{ message: '`top` has no use in a Docker build: it only shows the processes of this build step (and waits for a terminal)', line: 2, column: 5, endColumn: 8 }],
    },
    {
      name: 'several commands, sudo, nested; CRLF',
      code: 'FROM debian:12-slim\r\nRUN sudo service nginx start && (ps aux | grep nginx) && vim /etc/hosts\r\n',
      errors: [{ line: 2, column: 10, message: /^`service`/ }, { message: /^`ps`/ }, { message: /^`vim`/ }],
    },
    {
      name: 'heredoc and ONBUILD',
      code: 'FROM debian:12-slim\nRUN <<EOF\nshutdown -h now\nEOF\nONBUILD RUN mount /dev/sda1 /mnt\n',
      errors: [{ line: 3, column: 1 }, { line: 5, column: 13 }],
    },
  ],
});
