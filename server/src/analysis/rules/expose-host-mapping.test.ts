import { testRule } from '../testing/rule-tester';
import rule from './expose-host-mapping';

testRule(rule, {
  valid: [
    'FROM alpine:3.20\nEXPOSE 80 443/tcp\n',
    { name: 'a default inside ${…} is not a mapping', code: 'FROM alpine:3.20\nARG PORT\nEXPOSE ${PORT:-80} ${PORT:-80}/udp\n' },
  ],
  invalid: [
    {
      name: 'BuildKit: IP address and host port',
      code: 'FROM alpine:3.20\nEXPOSE 127.0.0.1:80:80\n',
      errors: [{ message: 'EXPOSE cannot map host ports: write EXPOSE 80 and publish with `docker run -p 127.0.0.1:80:80`', line: 2, column: 8, endColumn: 23 }],
      output: 'FROM alpine:3.20\nEXPOSE 80\n',
    },
    {
      name: 'BuildKit: host port; the protocol is kept',
      code: 'FROM alpine:3.20\nEXPOSE 80:80 8080:8000/udp\n',
      errors: [{ column: 8 }, { column: 14 }],
      output: 'FROM alpine:3.20\nEXPOSE 80 8000/udp\n',
    },
    {
      name: 'ONBUILD and CRLF',
      code: 'FROM alpine:3.20\r\nONBUILD EXPOSE 8080:80\r\n',
      errors: [{ line: 2, column: 16 }],
      output: 'FROM alpine:3.20\r\nONBUILD EXPOSE 80\r\n',
    },
  ],
});
