import { testRule } from '../testing/rule-tester';
import rule from './expose-ssh-port';

const MESSAGE = 'port 22 is SSH: do not run an SSH server in the container; use `docker exec` or `kubectl exec` to get a shell';

testRule(rule, {
  valid: [
    { name: 'Checkov: other ports', code: 'FROM debian:12-slim\nEXPOSE 80 443 2222\n' },
    { name: 'udp is not SSH', code: 'FROM debian:12-slim\nEXPOSE 22/udp\n' },
    { name: 'a variable', code: 'FROM debian:12-slim\nARG PORT=22\nEXPOSE $PORT\n' },
    { name: 'a build stage that does not ship', code: 'FROM debian:12-slim AS test\nEXPOSE 22\nFROM debian:12-slim\nEXPOSE 8080\n' },
    { name: 'ONBUILD runs in the child image', code: 'FROM debian:12-slim\nONBUILD EXPOSE 22\n' },
  ],
  invalid: [
    {
      name: 'Checkov / Trivy: EXPOSE 22',
      code: 'FROM debian:12-slim\nEXPOSE 22\n',
      errors: [{ message: MESSAGE, line: 2, column: 8, endColumn: 10 }],
      output: null,
    },
    {
      name: 'among other ports; tcp; a range',
      code: 'FROM debian:12-slim\nEXPOSE 80 22/tcp\nEXPOSE 20-25\n',
      errors: [{ line: 2, column: 11, endColumn: 17 }, { line: 3 }],
      output: null,
    },
    {
      name: 'the stage the shipped one is built on; CRLF',
      code: 'FROM debian:12-slim AS base\r\nEXPOSE 22\r\nFROM base\r\nCMD ["sleep", "1"]\r\n',
      errors: [{ line: 2 }],
      output: null,
    },
  ],
});
