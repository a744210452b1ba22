import { testRule } from '../testing/rule-tester';
import rule from './expose-invalid-port';

testRule(rule, {
  valid: [
    'FROM nginx:1.27\nEXPOSE 80 443/tcp 8000-8010/udp 0 65535 9/sctp\n',
    { name: 'variables are not judged', code: 'FROM nginx:1.27\nARG PORT=8080\nEXPOSE $PORT ${PORT}/udp ${START}-${END}\n' },
    { name: 'a host mapping is expose-host-mapping\'s finding; its container port is fine', code: 'FROM nginx:1.27\nEXPOSE 8080:80\n' },
  ],
  invalid: [
    {
      name: 'hadolint example',
      code: 'FROM nginx:1.27\nEXPOSE 80000\n',
      errors: [{ message: 'Invalid EXPOSE port: 80000 is outside 0-65535', line: 2, column: 8, endColumn: 13 }],
    },
    {
      name: 'hadolint: a range past 65535; a backwards range',
      code: 'FROM nginx:1.27\nEXPOSE 65530-65540 90-80\n',
      errors: [{ message: 'Invalid EXPOSE port: 65530-65540 is outside 0-65535' }, { message: 'Invalid EXPOSE port: the range 90-80 ends before it starts' }],
    },
    {
      name: 'words that are not ports, unknown protocols, a bad container port after a mapping',
      code: 'FROM nginx:1.27\nEXPOSE http 80/http 8080:99999\n',
      errors: [
        { message: 'Invalid EXPOSE port: "http" is not a port number' },
        { message: 'Invalid EXPOSE port: "http" is not a protocol (tcp, udp or sctp)', column: 13 },
        { message: 'Invalid EXPOSE port: 99999 is outside 0-65535' },
      ],
    },
    {
      name: 'ONBUILD and CRLF',
      code: 'FROM nginx:1.27\r\nONBUILD EXPOSE 8o80\r\n',
      errors: [{ line: 2, column: 16 }],
    },
  ],
});
