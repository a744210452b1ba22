import { testRule } from '../testing/rule-tester';
import rule from './expose-protocol-casing';

testRule(rule, {
  valid: [
    'FROM alpine:3.20\nEXPOSE 80/tcp 53/udp 80\n',
    { name: 'an unknown protocol is expose-invalid-port\'s finding', code: 'FROM alpine:3.20\nEXPOSE 80/HTTP\n' },
    { name: 'a protocol given by a variable', code: 'FROM alpine:3.20\nARG PROTO=TCP\nEXPOSE 80/${PROTO}\n' },
  ],
  invalid: [
    {
      name: 'BuildKit example',
      code: 'FROM alpine:3.20\nEXPOSE 80/TcP\n',
      errors: [{ message: 'Write the protocol in lower case: 80/tcp', line: 2, column: 11, endColumn: 14 }],
      output: 'FROM alpine:3.20\nEXPOSE 80/tcp\n',
    },
    {
      name: 'several ports, a range, ONBUILD and CRLF',
      code: 'FROM alpine:3.20\r\nEXPOSE 8000-8010/UDP 443/TCP\r\nONBUILD EXPOSE 53/UDP\r\n',
      errors: [{ line: 2, column: 18 }, { line: 2, column: 26 }, { line: 3, column: 19 }],
      output: 'FROM alpine:3.20\r\nEXPOSE 8000-8010/udp 443/tcp\r\nONBUILD EXPOSE 53/udp\r\n',
    },
  ],
});
